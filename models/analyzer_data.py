"""The analyzer's training corpus: feature descriptions generated from fragments and word lists.

Each description is assembled from an opener, a task (which fixes `model_size`) on an object
(which may fix `privacy`), and optional clauses for the other heads, in a random order with
varied connectors. A head whose clause is left out is labelled "unknown", which teaches the
model to abstain. The held-out set in `heldout.jsonl` is hand-written and never generated here.
"""

import json
import random
from pathlib import Path

# The option keys come from the Rust table (src/engine/factor.rs), which a Rust test writes to
# questionnaire.json, so the labels cannot drift from the contract.
_CONTRACT = json.loads((Path(__file__).parent / "questionnaire.json").read_text())
_OPTIONS = {f["factor"]: f["options"] for f in _CONTRACT["factors"]}
HEADS = {
    head: _OPTIONS[head]
    for head in ["privacy", "connectivity", "latency", "model_size", "resources", "collaboration"]
}
UNKNOWN = "unknown"

# Objects a task works on, by the privacy class they imply ("unknown": they say nothing).
OBJECTS = {
    "public": ["news articles", "public web pages", "open-source documentation", "product listings from our public catalog",
               "public blog posts", "Wikipedia articles", "published research papers", "public social media posts",
               "open government datasets", "recipes", "public forum threads", "press releases", "song lyrics"],
    "internal": ["internal reports", "company documents", "our sales figures", "confidential strategy decks", "proprietary source code",
                 "internal wiki pages", "engineering design docs", "board meeting minutes", "supplier contracts", "internal tickets",
                 "product roadmaps", "business plans", "our quarterly financial forecasts"],
    "personal": ["customer emails", "users' personal messages", "employee records", "customer profiles", "chat logs from our users",
                 "resumes from job applicants", "contact lists", "students' essays and grades", "user photos", "home addresses and phone numbers",
                 "customer support calls", "personal journals", "CRM records about our customers"],
    "regulated": ["patient notes", "medical records", "clinical trial data", "bank statements", "credit card transactions",
                  "insurance claims", "lab results", "loan applications", "tax returns", "legal case files", "prescriptions",
                  "radiology reports", "payroll and salary data", "health records"],
    UNKNOWN: ["documents", "text", "notes", "messages", "files", "emails", "reports", "images", "photos", "support tickets",
              "user input", "forms", "articles", "recordings", "content"],
}

TASKS = {
    "small": ["classify {o}", "tag {o} by topic", "detect spam in {o}", "extract dates and amounts from {o}",
              "detect the language of {o}", "flag toxic language in {o}", "sort {o} into folders", "redact names in {o}",
              "spell-check {o}", "pull keywords out of {o}", "score the sentiment of {o}", "find phone numbers in {o}",
              "label {o} as urgent or not", "extract entities from {o}", "route {o} to the right team",
              "autocomplete short phrases in {o}", "rewrite sentences in {o} more politely", "detect duplicates among {o}",
              "recognize handwritten digits in {o}", "check grammar in {o}", "categorize {o}", "filter {o}",
              "fix typos in {o}", "detect personal information in {o}"],
    "medium": ["summarize {o}", "answer questions about {o}", "draft replies to {o}", "translate {o}", "chat with users about {o}",
               "search and answer questions over {o}", "write short summaries of {o}", "build a chatbot over {o}",
               "generate follow-up emails from {o}", "explain {o} in plain language", "retrieve relevant passages from {o}",
               "create meeting minutes from {o}", "turn {o} into bullet points", "rewrite {o} for a different audience",
               "a support assistant that answers from {o}", "a copilot that drafts responses to {o}", "paraphrase {o}",
               "produce a digest of {o}", "transcribe and summarize {o}", "compare {o} and highlight differences"],
    "large": ["reason step by step over {o}", "do advanced multi-step reasoning on {o}", "generate images from {o}",
              "analyze hundreds of pages of {o} with a huge context window", "write whole software modules based on {o}",
              "run an autonomous agent that plans across many tools using {o}", "do deep research across {o}",
              "generate video from {o}", "solve complex math and logic problems in {o}", "create photorealistic images for {o}",
              "perform long-context analysis of {o}", "use a frontier model to reason about {o}",
              "generate long reports with complex reasoning from {o}", "do expert-level legal reasoning over {o}"],
    UNKNOWN: ["do something smart with {o}", "add AI to how we handle {o}", "use AI on {o}", "help users with {o}",
              "improve our workflow around {o}", "make {o} easier to work with", "add an AI feature for {o}",
              "process {o}", "handle {o} with a model"],
}

CLAUSES = {
    "privacy": {
        "public": ["nothing sensitive is involved", "the data is all public", "there is no private data",
                   "none of it is confidential", "everything is already published"],
        "internal": ["the data is business-confidential", "it must stay inside the company", "the content is proprietary",
                     "it contains trade secrets", "only employees may see it"],
        "personal": ["it contains personal data covered by GDPR", "the data includes names and email addresses",
                     "it handles personally identifiable information", "users' private data is involved", "it touches PII"],
        "regulated": ["the data falls under HIPAA", "it is protected health information", "it is regulated financial data",
                      "we must comply with PCI DSS", "it is subject to strict healthcare regulations", "auditors check every access"],
        "device_only": ["the data must never leave the device", "policy forbids uploading anything to a server",
                        "nothing may be sent to the cloud", "everything must stay on the user's machine",
                        "data cannot leave the laptop", "no data may leave the phone", "uploading is not allowed"],
    },
    "connectivity": {
        "always": ["users are always online", "there is a reliable internet connection", "everyone is in the office on fast wifi",
                   "devices are connected all the time", "connectivity is never a problem", "it runs on a fast wired network"],
        "intermittent": ["users are often offline", "connectivity is spotty", "people use metered mobile data",
                         "the network drops out regularly", "coverage is poor in rural areas", "sometimes people are on planes and trains",
                         "the connection is unreliable", "the wifi is flaky"],
        "offline": ["it must work fully offline", "there is no internet access at all", "the machines are air-gapped",
                    "it runs on ships with no network", "field workers have no connectivity", "it has to work without any network",
                    "offline use is mandatory", "there is never a connection"],
    },
    "latency": {
        "realtime": ["results must appear in real time as the user types", "it runs on live camera frames",
                     "answers are needed in under 100 milliseconds", "it must react instantly while people speak",
                     "it powers live captions", "latency must be a few milliseconds", "it reacts to every keystroke"],
        "interactive": ["a response within a second is expected", "the user waits for the answer", "it is an interactive chat",
                        "results should come back quickly in the UI", "people expect a snappy reply", "under a second is fine"],
        "relaxed": ["a few seconds is fine", "results can take several seconds", "a short wait is acceptable",
                    "nobody minds waiting a little", "speed is not critical"],
        "batch": ["it runs overnight as a batch job", "a nightly job processes everything", "files are processed in bulk every week",
                  "results can take hours", "it runs as a scheduled background job", "throughput matters more than latency"],
    },
    "resources": {
        "npu": ["it runs on Copilot+ PCs", "the laptops have an NPU", "we target the neural processing unit",
                "our users have Snapdragon X laptops with NPUs", "it should use the NPU on new Windows PCs"],
        "gpu": ["it runs on workstations with RTX GPUs", "the machines have discrete graphics cards", "users have gaming PCs with powerful GPUs",
                "every desktop has an NVIDIA GPU", "we target high-end GPUs"],
        "mainstream": ["it runs on ordinary office laptops", "users have typical desktops", "it targets standard Windows laptops",
                       "employees use regular business laptops", "it runs on clinic laptops", "it runs on average consumer PCs"],
        "low_end": ["it runs on old low-memory phones", "users have cheap Android phones", "it targets low-end tablets",
                    "the PCs are old with 4 GB of RAM", "it runs on Raspberry Pi boards", "users have budget Chromebooks",
                    "the hardware is weak and old"],
        "mixed": ["it runs on whatever devices our users have", "we support a wide range of devices",
                  "the fleet is a mix of phones and laptops", "it has to work on any device", "users bring all kinds of hardware"],
    },
    "collaboration": {
        "single": ["it is for a single user on their own device", "it is personal use only", "each person works alone",
                   "only the owner ever sees the results", "nothing is shared with others"],
        "team": ["results are shared across the team", "colleagues review the output together", "the whole department uses it",
                 "several coworkers edit the same documents", "teams share the inputs"],
        "anywhere": ["people reach it from any device anywhere", "users switch between phone, web and desktop",
                     "it must be accessible from everywhere", "customers use it from many places and devices",
                     "it syncs across all of a user's devices"],
    },
}

OPENERS = ["We want to", "I need to", "Our app will", "Build a feature to", "The feature should", "Help our users",
           "We're building a tool to", "Add a button that will", "Let people", "Our product needs to", "Use a model to",
           "We plan to", "I'd like to", "The goal is to", ""]
FILLERS = ["", "", "", " in our mobile app", " for our startup", " inside our CRM", " in the desktop client",
           " for a small team", " for our agency", " in a web dashboard", " for field technicians", " in our help desk"]
JOINERS = [". ", "; ", ", and ", " — ", ", ", ". Also, ", ". Note that ", " and "]


# Sentences that say nothing about any factor, so that common words are not taken as evidence.
NEUTRAL = ["we are a small startup", "the company has about fifty employees", "our users love the app",
           "the team ships every two weeks", "we use Rust and TypeScript", "our customers are mostly in Europe",
           "the business is growing", "it is part of a bigger product", "this is our first AI feature",
           "the project starts next month", "people in our company asked for it", "our staff work in offices and at home",
           "the phone app and the website share a backend", "we have a few laptops for testing",
           "management wants it soon", "the data team will help", "it is for our product"]


def sample(rng: random.Random) -> tuple[str, dict[str, str]]:
    """One description and its labels."""
    labels = {head: UNKNOWN for head in HEADS}
    clauses = []
    if rng.random() < 0.7:
        size = rng.choice(HEADS["model_size"] + [UNKNOWN])
        obj_class = rng.choice(HEADS["privacy"][:4] + [UNKNOWN, UNKNOWN, UNKNOWN])
        task = rng.choice(TASKS[size]).format(o=rng.choice(OBJECTS[obj_class]))
        labels["model_size"] = size
        labels["privacy"] = obj_class
        head = f"{rng.choice(OPENERS)} {task}".strip() + rng.choice(FILLERS)
    else:
        # No task at all: a description that speaks only of constraints, or of nothing.
        obj_class = UNKNOWN
        head = ""
    if rng.random() < 0.3:
        clauses.append(rng.choice(NEUTRAL))
    for factor, options in CLAUSES.items():
        # The privacy clause may sharpen what the object implied (for example device-only data).
        if rng.random() < (0.35 if factor != "privacy" else 0.3):
            option = rng.choice(list(options))
            if factor == "privacy" and obj_class not in (UNKNOWN, option) and option != "device_only":
                continue
            clauses.append(rng.choice(options[option]))
            labels[factor] = option
    rng.shuffle(clauses)
    if not head and not clauses:
        clauses.append(rng.choice(NEUTRAL))
    text = head
    for clause in clauses:
        text = text + rng.choice(JOINERS) + clause if text else clause
    text = text[0].upper() + text[1:] if text else text
    if rng.random() < 0.5:
        text += "."
    return text, labels


def corpus(n: int, seed: int) -> list[tuple[str, dict[str, str]]]:
    rng = random.Random(seed)
    return [sample(rng) for _ in range(n)]
