"""Reads the site's LMS exports back with Python's own XML parser (expat) and zip reader, for the
tests: `python3 lms-export-read.py FILE` prints JSON {"questions": [...], "problems": [...]}.

FILE is a Moodle XML file or a QTI 2.1 content package (.zip). Questions come back as plain data
(prompt, line, options with right/wrong and feedback, number and tolerance, explanation), read
from the files alone. `problems` lists what breaks the QTI 2.1 rules checked here: the required
elements and attributes, their order in an assessmentItem, identifiers that resolve, files the
manifest names that exist (structure checks from the QTI 2.1 and IMS CP specifications; no XSD
validator runs here).
"""

import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
CARDINALITIES = {"single", "multiple", "ordered", "record"}
BASE_TYPES = {"identifier", "boolean", "integer", "float", "string", "point", "pair",
              "directedPair", "duration", "file", "uri", "intOrIdentifier"}


def text_of(element):
    return "".join(element.itertext()) if element is not None else ""


def html_text(fragment):
    """Text of an HTML fragment from a Moodle text field (the site writes well-formed HTML)."""
    root = ET.fromstring(f"<div>{fragment}</div>")
    return root


def read_moodle(data):
    root = ET.fromstring(data)
    problems = []
    if root.tag != "quiz":
        problems.append(f"root element is {root.tag}, not quiz")
    questions = []
    category = None
    for q in root.findall("question"):
        kind = q.get("type")
        if kind == "category":
            category = q.findtext("category/text")
            continue
        body = html_text(q.findtext("questiontext/text") or "")
        paragraphs = body.findall("p")
        pre = body.find("pre")
        item = {
            "name": q.findtext("name/text"),
            "id": q.findtext("idnumber"),
            "prompt": text_of(paragraphs[0]) if paragraphs else "",
            "line": text_of(pre) if pre is not None else None,
            "explanation": text_of(html_text(q.findtext("generalfeedback/text") or "")),
        }
        if kind == "multichoice":
            item["kind"] = "choice"
            item["options"] = [
                {
                    "text": text_of(html_text(a.findtext("text") or "")),
                    "correct": float(a.get("fraction")) == 100,
                    "why": text_of(html_text(a.findtext("feedback/text") or "")),
                }
                for a in q.findall("answer")
            ]
            if q.findtext("single") != "true":
                problems.append(f"{item['id']}: multichoice is not single-answer")
        elif kind == "numerical":
            item["kind"] = "numeric"
            answers = [a for a in q.findall("answer") if a.findtext("text") != "*"]
            if len(answers) != 1 or float(answers[0].get("fraction")) != 100:
                problems.append(f"{item['id']}: expected one right numerical answer")
            item["value"] = float(answers[0].findtext("text"))
            item["tolerance"] = float(answers[0].findtext("tolerance"))
            item["unitSentence"] = text_of(paragraphs[-1]) if paragraphs else ""
        else:
            problems.append(f"unexpected question type {kind}")
        questions.append(item)
    return {"category": category, "questions": questions, "problems": problems}


def check_identifier(value, where, problems):
    if value is None or not IDENTIFIER.match(value):
        problems.append(f"{where}: identifier {value!r} is missing or not a QTI identifier")


def read_item(data, path, problems):
    root = ET.fromstring(data)
    if root.tag != QTI + "assessmentItem":
        problems.append(f"{path}: root is {root.tag}, not a QTI 2.1 assessmentItem")
        return None
    for attr in ("identifier", "title", "adaptive", "timeDependent"):
        if root.get(attr) is None:
            problems.append(f"{path}: assessmentItem lacks the required {attr}")
    check_identifier(root.get("identifier"), path, problems)
    # Content model: responseDeclaration*, outcomeDeclaration*, templateDeclaration*,
    # templateProcessing?, stylesheet*, itemBody?, responseProcessing?, modalFeedback*
    order = ["responseDeclaration", "outcomeDeclaration", "templateDeclaration", "templateProcessing",
             "stylesheet", "itemBody", "responseProcessing", "modalFeedback"]
    ranks = []
    for child in root:
        name = child.tag.replace(QTI, "")
        if name not in order:
            problems.append(f"{path}: {name} is not allowed in assessmentItem")
            continue
        ranks.append(order.index(name))
    if ranks != sorted(ranks):
        problems.append(f"{path}: assessmentItem's children are out of order")
    declared = {}
    for decl in root.findall(QTI + "responseDeclaration") + root.findall(QTI + "outcomeDeclaration"):
        ident = decl.get("identifier")
        check_identifier(ident, path, problems)
        if decl.get("cardinality") not in CARDINALITIES:
            problems.append(f"{path}: {ident} has cardinality {decl.get('cardinality')!r}")
        if decl.get("baseType") not in BASE_TYPES:
            problems.append(f"{path}: {ident} has baseType {decl.get('baseType')!r}")
        declared[ident] = decl
    for tag in ("variable", "correct", "setOutcomeValue"):
        for ref in root.iter(QTI + tag):
            if ref.get("identifier") not in declared:
                problems.append(f"{path}: {tag} names {ref.get('identifier')!r}, which is not declared")
    for feedback in root.findall(QTI + "modalFeedback"):
        if feedback.get("outcomeIdentifier") not in declared:
            problems.append(f"{path}: modalFeedback's outcome {feedback.get('outcomeIdentifier')!r} is not declared")
        if feedback.get("showHide") not in ("show", "hide"):
            problems.append(f"{path}: modalFeedback showHide must be show or hide")
        check_identifier(feedback.get("identifier"), path, problems)
    body = root.find(QTI + "itemBody")
    response = declared.get("RESPONSE")
    correct = response.findtext(f"{QTI}correctResponse/{QTI}value") if response is not None else None
    paragraphs = body.findall(QTI + "p")
    pre = body.find(QTI + "pre")
    feedback = {f.get("identifier"): text_of(f) for f in root.findall(QTI + "modalFeedback")}
    item = {
        "id": root.get("identifier"),
        "name": root.get("title"),
        "prompt": text_of(paragraphs[0]) if paragraphs else "",
        "line": pre.text if pre is not None else None,
        "explanation": feedback.get("EXPLANATION", ""),
    }
    interaction = body.find(QTI + "choiceInteraction")
    if interaction is not None:
        item["kind"] = "choice"
        if interaction.get("responseIdentifier") not in declared:
            problems.append(f"{path}: choiceInteraction's response is not declared")
        if interaction.get("maxChoices") is None:
            problems.append(f"{path}: choiceInteraction lacks maxChoices")
        if response.get("baseType") != "identifier":
            problems.append(f"{path}: a choice response must have baseType identifier")
        choices = interaction.findall(QTI + "simpleChoice")
        ids = [c.get("identifier") for c in choices]
        for ident in ids:
            check_identifier(ident, path, problems)
        if len(set(ids)) != len(ids):
            problems.append(f"{path}: simpleChoice identifiers repeat")
        if correct not in ids:
            problems.append(f"{path}: the correct response {correct!r} is not a choice")
        item["options"] = [
            {"text": text_of(c), "correct": c.get("identifier") == correct, "why": feedback.get(c.get("identifier"), "")}
            for c in choices
        ]
    else:
        entry = body.find(f"{QTI}p/{QTI}textEntryInteraction")
        if entry is None:
            problems.append(f"{path}: neither a choiceInteraction nor a textEntryInteraction inside a p")
            return item
        if response.get("baseType") != "float":
            problems.append(f"{path}: a numeric response must have baseType float")
        equal = root.find(f"{QTI}responseProcessing//{QTI}equal")
        if equal is None or equal.get("toleranceMode") not in ("exact", "absolute", "relative"):
            problems.append(f"{path}: numeric answers are compared with equal and a toleranceMode")
            return item
        if equal.get("toleranceMode") != "exact" and not equal.get("tolerance"):
            problems.append(f"{path}: equal with toleranceMode {equal.get('toleranceMode')} needs a tolerance")
        item["kind"] = "numeric"
        item["value"] = float(correct)
        item["tolerance"] = float(equal.get("tolerance").split()[0])
        item["unitSentence"] = text_of(entry_parent(body, entry)).strip()
        item["why"] = feedback.get("WRONG", "")
    return item


def entry_parent(body, entry):
    for p in body.findall(QTI + "p"):
        if entry in list(p):
            return p
    return None


def read_qti(path):
    problems = []
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            problems.append(f"{bad}: CRC does not match")
        names = set(archive.namelist())
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        if manifest.tag != CP + "manifest" or manifest.get("identifier") is None:
            problems.append("imsmanifest.xml: root is not an IMS CP manifest with an identifier")
        if manifest.find(CP + "organizations") is None:
            problems.append("imsmanifest.xml: organizations is required")
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        by_id = {}
        for resource in resources:
            for attr in ("identifier", "type"):
                if resource.get(attr) is None:
                    problems.append(f"imsmanifest.xml: a resource lacks {attr}")
            by_id[resource.get("identifier")] = resource
            for f in resource.findall(CP + "file"):
                if f.get("href") not in names:
                    problems.append(f"imsmanifest.xml names {f.get('href')}, which is not in the package")
            for dep in resource.findall(CP + "dependency"):
                if dep.get("identifierref") not in by_id and dep.get("identifierref") not in [
                    r.get("identifier") for r in resources
                ]:
                    problems.append(f"imsmanifest.xml: dependency {dep.get('identifierref')} names no resource")
        tests = [r for r in resources if r.get("type") == "imsqti_test_xmlv2p1"]
        items_by_href = {r.get("href"): r for r in resources if r.get("type") == "imsqti_item_xmlv2p1"}
        if len(tests) != 1:
            problems.append(f"imsmanifest.xml: {len(tests)} test resources, expected 1")
            return {"questions": [], "problems": problems}
        test = ET.fromstring(archive.read(tests[0].get("href")))
        if test.tag != QTI + "assessmentTest":
            problems.append("the test resource is not a QTI 2.1 assessmentTest")
        for attr in ("identifier", "title"):
            if test.get(attr) is None:
                problems.append(f"assessmentTest lacks {attr}")
        parts = test.findall(QTI + "testPart")
        if not parts:
            problems.append("assessmentTest has no testPart")
        for part in parts:
            check_identifier(part.get("identifier"), "testPart", problems)
            if part.get("navigationMode") not in ("linear", "nonlinear"):
                problems.append("testPart navigationMode must be linear or nonlinear")
            if part.get("submissionMode") not in ("individual", "simultaneous"):
                problems.append("testPart submissionMode must be individual or simultaneous")
            for section in part.findall(QTI + "assessmentSection"):
                for attr in ("identifier", "title", "visible"):
                    if section.get(attr) is None:
                        problems.append(f"assessmentSection lacks {attr}")
        questions = []
        seen = set()
        for ref in test.iter(QTI + "assessmentItemRef"):
            href = ref.get("href")
            check_identifier(ref.get("identifier"), href, problems)
            if ref.get("identifier") in seen:
                problems.append(f"item identifier {ref.get('identifier')} repeats")
            seen.add(ref.get("identifier"))
            if href not in items_by_href:
                problems.append(f"{href}: no item resource in the manifest")
            item = read_item(archive.read(href), href, problems)
            if item is not None:
                if item["id"] != ref.get("identifier"):
                    problems.append(f"{href}: identifier differs from its assessmentItemRef")
                questions.append(item)
        key = archive.read("answer-key.txt").decode("utf-8") if "answer-key.txt" in names else None
        return {"questions": questions, "problems": problems, "answerKey": key, "files": sorted(names)}


def main():
    path = sys.argv[1]
    if path.endswith(".zip"):
        result = read_qti(path)
    else:
        with open(path, "rb") as f:
            result = read_moodle(f.read())
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
