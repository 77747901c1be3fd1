/**
 * The base path the site is served under (`/`, or `/sub/` for a build with `--base /sub/`):
 * Astro sets it at build time, and Vite writes it into the browser scripts too.
 */
export const siteBase: string = import.meta.env.BASE_URL;
