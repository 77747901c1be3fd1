/**
 * A colour custom property as a canvas can draw it. The design system's colours are
 * `light-dark()` pairs, and `getPropertyValue` returns that text unresolved: a canvas given it
 * ignores it and keeps drawing black, unreadable on the dark scheme's background. Computing the
 * `color` of an element that uses the property resolves the pair for the scheme in force there.
 */
export function cssColour(at: HTMLElement, property: string, fallback: string): string {
	if (!getComputedStyle(at).getPropertyValue(property).trim()) return fallback;
	const probe = document.createElement('span');
	probe.hidden = true;
	probe.style.color = `var(${property})`;
	at.append(probe);
	const colour = getComputedStyle(probe).color;
	probe.remove();
	return colour || fallback;
}
