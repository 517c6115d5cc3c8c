"""The generator's fragments for the version-2 heads and tooling, and its openers and filler.

Written for this project; nothing here is taken from any held-out set.
"""

CLAUSES_V2 = {
    "request_mix": {
        "uniform": ["every request is about equally easy", "all requests look alike", "the requests are all the same kind of task",
                    "one small model handles every request", "each request is a short, simple job",
                    "there are no hard cases that need a bigger model", "requests never vary much in difficulty", "every request is the same small job", "the work is always of the same simple kind", "no request is harder than the others"],
        "long_tail": ["most requests are easy but a few need a much bigger model", "the hard cases are rare",
                      "nine in ten requests are simple and the rest are tricky", "only a small share of questions is hard",
                      "occasionally a request needs deep reasoning", "simple requests dominate, with a long tail of hard ones",
                      "hard requests can be escalated to a larger model", "now and then a question is too hard for a small model", "a few rare requests need a much stronger model", "most of the time the task is simple, but hard cases do come up", "hard questions are the exception"],
        "varied": ["requests range from trivial to very hard", "easy and hard requests come in similar numbers",
                   "some requests are simple and many are complex", "difficulty varies a lot from one request to the next",
                   "about half the requests need heavy reasoning", "the tasks are a real mix of easy and difficult", "the difficulty of requests is all over the place", "many requests are easy and many are hard", "it gets simple and complex requests in equal measure"],
    },
    "knowledge": {
        "input_only": ["it needs nothing but the text the user gives it", "the model's own knowledge is enough",
                       "it does not look anything up", "no outside data is needed", "everything it needs is in the request",
                       "it works only from what the user types", "no retrieval is involved", "it works from the request alone", "it does not need any extra context", "it needs no documents or search"],
        "device_data": ["it searches the user's own files on the device", "it reads the photos already on the phone",
                        "it uses the messages stored on the device", "it indexes the user's local documents",
                        "it draws on the user's own notes and calendar", "it looks through what is saved on the laptop",
                        "context comes from the apps and files on the device", "it uses what the user already has on the phone", "it reads files stored locally on the computer", "it looks at the user's own emails and photos"],
        "shared_data": ["it answers from the company's knowledge base", "it searches the team's shared documents",
                        "it draws on data from all our customers", "it needs the organization's records",
                        "it retrieves from a central database of our products", "it uses everything in the shared drive",
                        "it learns from many users' data on our servers", "it pulls from our internal documents", "it searches a shared company database", "it uses data collected across all users"],
        "live_data": ["it needs fresh information from the web", "it searches the internet for current answers",
                      "it must know today's prices", "it uses a search index only our servers hold",
                      "answers depend on up-to-date world knowledge", "it checks live data such as traffic and weather",
                      "it looks up the latest news before answering", "it needs current information from the internet", "it fetches fresh results from online sources", "it relies on real-time data from a server"],
    },
    "tooling": {
        "windows": ["it is a Windows desktop app", "we build with WinUI and .NET", "it ships in our WPF application",
                    "it is part of a Windows App SDK program", "the product is a native Windows client", "it is a Windows application", "we ship it as a native app for Windows PCs"],
        "web": ["it runs in the browser", "it is a web app", "it is a browser extension", "we build a single-page web application",
                "users open it in Chrome", "it lives on our website", "it is a progressive web app", "it runs on a web page", "users reach it through their browser"],
        "azure": ["we build on Azure", "the backend runs on Azure services", "we use Azure OpenAI",
                  "everything is hosted in Microsoft Azure", "it runs as an Azure Function", "our services run in the Azure cloud", "we deploy it on Azure"],
        "mobile": ["it is an iOS app", "it is an Android app", "it ships in our iPhone and Android apps",
                   "it is a mobile app", "we build it with Swift and Kotlin", "it runs inside a phone app", "it is built into our app for iPhone and Android", "it runs inside a smartphone app"],
        "cross_platform": ["it runs on Windows, macOS and Linux", "we ship on several operating systems",
                           "it is an Electron app for every desktop", "we target desktop and mobile from one codebase",
                           "it must work on Mac, Windows and Linux alike", "we build it with Flutter for all platforms", "one app runs on every major desktop system", "it ships for Windows, Mac, Linux, iOS and Android"],
    },
}

OPENERS = ["We want to", "I need to", "Our app will", "Build a feature to", "The feature should", "Help our users",
           "We're building a tool to", "Add a button that will", "Let people", "Our product needs to", "Use a model to",
           "We plan to", "I'd like to", "The goal is to", "", "", "An app that helps you", "A tool that lets users",
           "This feature lets you", "Users can", "It helps people", "A browser extension to", "A mobile app to",
           "A desktop assistant that can", "Our service will", "The assistant can", "A plugin that lets you",
           "We are adding a way to", "A simple way to", "Designed to", "Lets teams"]
FILLERS = ["", "", "", " in our app", " for our startup", " inside our CRM", " in the desktop client", " for a small team",
           " for our agency", " in a web dashboard", " for field technicians", " in our help desk", " with one tap",
           " in seconds", " automatically", " for everyone", " with AI", " for free"]
JOINERS = [". ", "; ", ", and ", " — ", ", ", ". Also, ", ". Note that ", " and ", ". In addition, ", ". Plus, ",
           " (", ". Importantly, ", ", while ", ". "]

# Sentences that say nothing about any head, so that common words are not taken as evidence.
NEUTRAL = ["we are a small startup", "the company has about fifty employees", "our users love the app",
           "the team ships every two weeks", "we use Rust and TypeScript", "our customers are mostly in Europe",
           "the business is growing", "it is part of a bigger product", "this is our first AI feature",
           "the project starts next month", "people in our company asked for it", "the design is simple and clean",
           "management wants it soon", "the data team will help", "it is for our product", "it saves people time",
           "it has a friendly interface", "it was launched last year", "it is free to try", "reviewers praised it",
           "the goal is to make work easier", "it comes with a dark mode", "setup takes a minute",
           "it supports many languages", "it is built by a small team of engineers", "the feature is in beta"]
