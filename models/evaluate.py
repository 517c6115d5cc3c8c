"""Scores the analyzer's heads on labelled descriptions: right when answering, and how often.

A head answers when its best class is not "unknown" and clears the threshold. "Right when
answering" is the share of its answers on texts labelled for that head that equal the label;
"answered of labelled" is the share of those texts where it answered at all (coverage). Answers
on texts with no label for the head are counted apart ("answered when silent"): the labels of
the blind set are what its writer could tell from the text, not proof the text says nothing.
"""

import json
import pathlib

import numpy as np

HERE = pathlib.Path(__file__).parent
UNKNOWN = "unknown"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text().splitlines() if line.strip()]


def answers(probs: np.ndarray, names: list[str], threshold: float) -> list:
    """The answer per row, or None where the head abstains."""
    best = probs.argmax(axis=1)
    return [names[b] if p[b] >= threshold and names[b] != UNKNOWN else None for b, p in zip(best, probs)]


def evaluate(probs: dict, names: dict, rows: list[dict], threshold) -> dict:
    """Per head and overall: answered, right when answering, labelled, answered of labelled,
    and how often a head rightly abstains where the text says nothing of its factor.
    `threshold` is one number for every head or a dict of one per head."""
    report = {}
    totals = {"answered": 0, "right": 0, "labelled": 0, "labelled_answered": 0}
    for head, p in probs.items():
        answered = right = known = known_answered = unknown = unknown_abstained = 0
        t = threshold[head] if isinstance(threshold, dict) else threshold
        for row, answer in zip(rows, answers(p, names[head], t)):
            truth = row["labels"].get(head, UNKNOWN)
            if truth == UNKNOWN:
                unknown += 1
                unknown_abstained += answer is None
            else:
                known += 1
                known_answered += answer is not None
                answered += answer is not None
                right += answer == truth
        report[head] = {
            "answered": answered,
            "accuracy_when_answering": round(right / answered, 3) if answered else None,
            "labelled": known,
            "answer_rate_on_labelled": round(known_answered / known, 3) if known else None,
            "silent": unknown,
            "abstained_when_silent": round(unknown_abstained / unknown, 3) if unknown else None,
        }
        for key, value in zip(totals, (answered, right, known, known_answered)):
            totals[key] += value
    report["overall"] = {
        "accuracy_when_answering": round(totals["right"] / max(totals["answered"], 1), 3),
        "answer_rate_on_labelled": round(totals["labelled_answered"] / max(totals["labelled"], 1), 3),
        **totals,
    }
    return report


def table(report: dict) -> str:
    """The model card's Markdown table for one evaluation."""
    lines = ["| head | labelled | answered | right when answering | answered of labelled | silent | abstained when silent |",
             "|---|---|---|---|---|---|---|"]
    for head, r in report.items():
        if head == "overall":
            continue
        lines.append(f"| {head} | {r['labelled']} | {r['answered']} | {r['accuracy_when_answering']} | "
                     f"{r['answer_rate_on_labelled']} | {r['silent']} | {r['abstained_when_silent']} |")
    o = report["overall"]
    lines.append(f"| **all** | {o['labelled']} | {o['answered']} | {o['accuracy_when_answering']} | "
                 f"{o['answer_rate_on_labelled']} | | |")
    return "\n".join(lines)
