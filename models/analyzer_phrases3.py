"""The generator's third set of fragments: clauses for cost, scale, maintenance and
customization, and many more phrasings for every other head.

Fragments here may hold alternatives in square brackets, "[fully|completely|]", which
`analyzer_data.expand` resolves at random (an empty alternative drops the slot), so one
fragment stands for many sentences. They come in three voices: plain prose ("it has to work
offline"), product copy ("Works 100% offline, no account needed") and terse notes ("offline
only"), because a description may be a pitch, a spec or a jotted list.

Written for this project from the questionnaire's options; nothing here is taken from any
held-out set.
"""

# Product copy names a product; these syllables make names that carry no meaning.
NAME_PARTS = (["Nova", "Quill", "Lumen", "Brisk", "Atlas", "Pico", "Vela", "Orbit", "Kiwi", "Tern", "Mosaic",
               "Ember", "Cobalt", "Fable", "Zephyr", "Juno", "Pixel", "Sable", "Otter", "Maple"],
              ["", "", "ly", "io", "AI", "ify", "Lab", "Desk", "Note", "Scribe", "Pilot", "Mind", "Kit", "Flow"])

# Openers for product copy; "{n}" is the product's name. Each may imply labels of its own.
PRODUCT_OPENERS = [
    ("{n} lets you", {}), ("{n} helps you", {}), ("{n} uses AI to", {}), ("With {n} you can", {}),
    ("{n} makes it easy to", {}), ("{n} is an assistant built to", {}), ("{n}: a tool to", {}),
    ("{n} is a small app to", {}), ("Meet {n}, the easiest way to", {}), ("{n} was made to", {}),
    ("{n} helps teams", {}), ("{n} quietly works in the background to", {}), ("Use {n} to", {}),
    ("{n} is an open-source tool to", {}), ("{n} is the AI sidekick that can", {}),
    ("{n} is a Chrome extension to", {"tooling": "web"}), ("{n} is an iPhone app to", {"tooling": "mobile"}),
    ("{n}, an Android app, lets you", {"tooling": "mobile"}), ("{n} for Windows lets you", {"tooling": "windows"}),
    ("{n} is a web app to", {"tooling": "web"}), ("{n} is a cross-platform desktop app to", {"tooling": "cross_platform"}),
    ("{n} is a SaaS platform to", {}), ("{n} is an AI service to", {}), ("{n} is a plugin to", {}),
    ("{n} is an offline-first app to", {"connectivity": "offline"}),
    ("{n} is a privacy-first app to", {}),
]

# Extra openers in plain prose, with the labels they imply.
OPENERS_V3 = [
    ("we're adding a feature that will", {}), ("the idea: a tool to", {}), ("basically we want to", {}),
    ("our team wants an assistant to", {}), ("i want an app to", {}), ("feature request:", {}),
    ("we need something to", {}), ("our clinic wants to", {}), ("our bank wants to", {}),
    ("we're a startup building a way to", {}), ("the plan is to", {}), ("customers asked us to", {}),
    ("as a hobby project i want to", {}), ("our web app should", {"tooling": "web"}),
    ("our Android and iOS app should", {"tooling": "mobile"}), ("our Azure backend should", {"tooling": "azure"}),
    ("our WinUI app should", {"tooling": "windows"}),
]

CLAUSES_V3 = {
    "cost": {
        "no_usage_fees": [
            "[there are|] no per-[use|request|token] fees", "no [subscription|monthly fee|API bill|cloud bill][ needed| required|]",
            "it has to be free to run[ once installed|]", "we [can't|cannot] pay per [request|token|call]",
            "we want no recurring [costs|fees|cloud costs]", "[a|one] one-time purchase, no subscription",
            "[the|our] hardware is already paid for", "it runs on machines we already own",
            "[no|zero] API costs[, ever|]", "[running|using] it must cost nothing per [query|use]",
            "we [do not|don't] want a usage-based bill", "[free forever|free to use], [no|with no] [token|usage] [fees|charges]",
            "the budget rules out paying for every call", "pay once and use it as much as you like",
            "no cloud fees because it runs on your own hardware", "[inference|every run] is free on the user's device",
            "we already bought the GPUs, so use them", "[unlimited|free] use[ with no metering|, nothing billed per request]",
            "per-token pricing would ruin our margins", "[costs|spending] must stay flat no matter how much it is used",
        ],
        "balanced": [
            "cost matters but [it is not|isn't] the deciding factor", "we [will|'ll] pick whichever is cheaper overall",
            "the budget is flexible", "we [are|'re] open to paying per use or buying hardware",
            "[either|any] pricing model is fine if the total is reasonable", "we [will|'d] compare the costs both ways",
            "we have a moderate budget[ either way|]", "cost is a concern, [though|but] not the main one",
            "[whatever|whichever] is cheaper in the long run", "we [have no|don't have a] strong preference on how we pay",
            "hardware or a monthly bill, [both|either] could work", "let the numbers decide between upfront and usage costs",
        ],
        "pay_as_you_go": [
            "we prefer to pay [only|] for what we use", "[pay|billing] per [use|request|token]", "usage-based pricing[ is fine| suits us|]",
            "no [upfront|up-front] hardware [costs|spending|investment]", "we [can't|cannot] buy [new|any] hardware",
            "we [would rather|'d rather] pay a [monthly|usage] bill than buy [GPUs|servers|machines]",
            "[an API|a cloud API] [billed|charged] per token is [fine|ok|acceptable]", "[costs|spending] should grow with usage",
            "a pay-as-you-go [plan|API|subscription] [works|is fine] for us", "we have no budget for hardware",
            "we [don't|do not] want capital expenses[, only operating costs|]", "the [usage|API] costs are [small|tiny] at our volume",
            "[only|just] pay per call", "start cheap and pay more only as usage grows", "metered billing [is fine|works for us]",
            "[buying|owning] servers is out of the question",
        ],
    },
    "scale": {
        "fixed": [
            "[only|just|about] [a few|a handful of|twenty|thirty|fifty] [people|users|staff] will use it",
            "usage is [small and |]predictable", "the number of users [stays|will stay] [the same|about the same|flat]",
            "it is for [a single|one] [office|clinic|team|department|lab]", "[a|one] [fixed|known|small] group of users",
            "we [do not|don't] expect [usage|it] to grow[ much|]", "the load is steady[ all year|]",
            "a [small|modest], [steady|stable] number of requests [per day|each day|a day]",
            "[internal|in-house] use by [a few|a dozen] [colleagues|employees]", "[demand|traffic] is flat and [known|well known]",
            "it handles [a few|a couple of] hundred requests a day", "just for me and [my|a few] [colleagues|family]",
            "the user base [is|will stay] [small|tiny] and [stable|fixed]",
        ],
        "growing": [
            "[usage|our user base|the number of users] [is|keeps] growing [steadily|every month|fast|]",
            "we expect [usage|traffic|demand] to [double|triple|grow] [next year|this year|over time]",
            "[more|new] [customers|teams|users] [sign up|join] every [week|month]", "[steady|gradual|healthy] growth[ is expected| is planned|]",
            "we plan to roll it out to more [teams|offices|customers] over time", "[it should|it must] scale as we grow",
            "we [are|'re] adding [users|customers|regions] [steadily|each quarter]", "the audience grows [month over month|every quarter]",
            "we start with one team and [then |]expand to the whole company", "[load|usage] will [rise|increase] [slowly|gradually|steadily]",
            "[a|our] growing [customer|user] base",
        ],
        "spiky": [
            "[traffic|usage|demand] [spikes|peaks|bursts] [during|at|around] [launches|sales|the holidays|tax season|exam time|Black Friday]",
            "[millions of|hundreds of thousands of] [users|people|customers]", "[a|an] [huge|large|massive|global] audience",
            "[usage|load] comes in [bursts|waves|sudden peaks]", "one viral post can bring [ten|a hundred] times the [traffic|load]",
            "[demand|traffic] is [very |]unpredictable", "[quiet|idle] most of the time, then [a|huge] [rush|burst|spikes]",
            "[it is|it's] used by [millions|a very large audience]", "seasonal [peaks|spikes] [in demand|in traffic|]",
            "everyone uses it at the same time [when|during] [the match|the event|the morning rush]",
            "[it must|it has to] [survive|handle] [sudden|big] [spikes|bursts] [in traffic|of requests|]",
            "[consumer|public] app with [a|] [mass|massive] [market|audience]",
        ],
    },
    "maintenance": {
        "in_house": [
            "[our|the] [team|engineers|ML team|developers] [ship|update|patch|maintain] the model[s|] [ourselves|themselves|]",
            "we [maintain|host|run] our own [models|model|inference stack]", "[we're|we are] happy to [update|patch] the model[ with each release|]",
            "we have [an ML|a platform|an ops] team [for this|to maintain it|that handles updates]",
            "self-hosted[ and self-maintained| on our own servers|]", "we [bundle|ship] the model [in|with] [each|every] app [update|release]",
            "[updates|patching] [are|is] [our job|up to us|done by our team]", "we [want|prefer] to [own|control] the [update|release] cycle",
            "[our|the] IT department [maintains|manages] [everything|the servers|it] [on-prem|in-house|]",
            "we [have|keep] full [control|ownership] of [updates|upgrades|versions]", "we [roll out|push] model updates [ourselves|ourselves to devices]",
        ],
        "either": [
            "we [don't|do not] mind who [maintains|updates] it", "[either|both] [way|options] [is|are] fine for [maintenance|updates|upkeep]",
            "[maintenance|upkeep] [is not|isn't] a [concern|big deal] [either way|for us|]", "we could [maintain|update] it ourselves or [let a vendor do it|use a provider]",
            "no strong preference [on|about] who [patches|updates] the model", "[updates|maintenance] can be [ours|in-house] or [managed|a vendor's]",
        ],
        "managed": [
            "[a|the] [provider|vendor|cloud provider|platform] should [handle|take care of] [updates|maintenance|patching|everything]",
            "[fully|a fully] managed [service|API|platform]", "we [have no|don't have an|do not have an] [ML|ops|DevOps|IT] [team|staff]",
            "we [don't|do not] want to [maintain|run|babysit] [servers|models|infrastructure]",
            "[no|zero] [infrastructure|servers|ops] to [manage|maintain|run]", "the vendor keeps the model [up to date|updated|patched]",
            "[updates|upgrades|security patches] [come|arrive] [automatically|from the provider]",
            "we [would rather|'d rather] [not|never] [deal with|think about] model updates",
            "we [rely|depend] on [the|a] [provider|platform|OS vendor] to [keep|update] the model[ current|]",
            "it uses the [model|AI] built into the [operating system|OS|platform], which the vendor updates",
            "[hosted|managed] for you, [no setup|nothing to install|zero maintenance]",
        ],
    },
    "customization": {
        "off_the_shelf": [
            "[a|any] [standard|general-purpose|stock|generic|ready-made] model is [fine|enough|good enough]",
            "[no|without any] fine-tuning [needed|required|]", "[an|] off-the-shelf [model|API|LLM] [works|will do|is fine]",
            "[we|it] [uses|use] [the|a] [model|API] [as is|out of the box]", "we [don't|do not] need to [train|customize|tune] anything",
            "[stock|default] [model|settings] [are|is] fine", "the built-in [model|AI] is good enough",
            "[any|a] [popular|mainstream|leading] [LLM|chat model|model] [would|could] do", "no [custom|special] training",
            "[we|it] [just|simply] [call|calls] a [standard|general] [model|API]",
        ],
        "fine_tuned": [
            "[fine-tuned|fine tuned|trained|adapted] on our [own|] [data|documents|domain|jargon|examples|tickets]",
            "the model [must|should|has to] learn our [terminology|jargon|style|tone|domain]",
            "we [will|'ll|want to] fine-tune [a|an open|the] model[ with LoRA| on our examples|]",
            "[a|] [domain-specific|custom-trained|specialized|specialised] model [for|trained on] [medical|legal|our] [terms|vocabulary|cases|data]",
            "[it|the model] [needs|has] to [sound like|match] our [brand|brand voice|writing style]",
            "[general|generic|stock] models [do not|don't] know our [domain|products|jargon] well enough",
            "we [adapt|tune] [it|the model] to each customer's [data|style]", "custom fine-tuning is [required|a must|needed]",
            "trained on [thousands of|our] [labelled|annotated|past] [examples|cases|records]",
        ],
        "full_control": [
            "we need [full|complete|total] control over the [model|weights|model's behaviour|behavior]",
            "[we|it] [must|has to] [run|use] our own [weights|model|checkpoints]", "[open|open-source] weights [we can|that we can] [inspect|modify|audit]",
            "we train our own model[ from scratch|]", "bring your own [model|weights]", "no [vendor|third-party] [lock-in|model] allowed",
            "we [must|need to] [audit|inspect|modify] every [weight|layer|part of the model]",
            "[the|our] model [is|must be] [fully|entirely] ours", "we [control|own] [every|each] [parameter|weight] and [version|update]",
            "[any|every] [model|open model] can be swapped in [and modified|freely|]", "[complete|full] [model|weight] ownership[ is required|]",
        ],
    },
    "privacy": {
        "public": ["[all|] public [data|content|information][ only|]", "[nothing|no data] [here |]is [sensitive|private|secret]",
                   "[it|the app] only reads [public|published|open] [pages|posts|articles|data]", "no [private|sensitive|personal] [data|info|information]"],
        "internal": ["[internal|company|proprietary] [docs|data|documents|code][ only|] — [confidential|not public]",
                     "[our|the] [source code|roadmap|financials|strategy] must stay [private|confidential|in-house]",
                     "[business|company]-confidential [material|data|information]", "[staff|employees] only"],
        "personal": ["[it|the app] [handles|processes|stores|sees] [users'|customers'|people's] [personal|private] [data|information|details]",
                     "[names|emails|addresses|phone numbers], [so|which means] GDPR [applies|matters]", "[contains|includes] PII",
                     "[your|users'] [chats|conversations|messages|photos] [are|stay] private"],
        "regulated": ["[HIPAA|PCI DSS|SOX|FINRA]-[covered|regulated|compliant] [data|records|workloads]",
                      "[patient|medical|health|clinical] [records|data|notes] [under|covered by] [HIPAA|health privacy law]",
                      "[financial|banking|payment|card] data [is|are] [regulated|audited|under strict rules]",
                      "[legal|court|privileged] [documents|files|records] under [attorney-client privilege|strict rules]"],
        "device_only": ["[your|all|the] data never leaves [your|the] [device|phone|Mac|PC|computer|laptop]",
                        "[runs|works] [100%|entirely|fully|completely] [on-device|locally|on your device][, nothing is uploaded|, no cloud|]",
                        "[nothing|no data|not a byte] [is|gets] [sent|uploaded] to [a|any] [server|the cloud|third party]",
                        "[company|legal|our] policy [forbids|bans|prohibits] [sending|uploading] [data|anything] [off the device|to the cloud|to servers]",
                        "no [cloud|server] [processing|uploads|round trips][ at all|, ever|]"],
    },
    "connectivity": {
        "always": ["[always|permanently|constantly] [online|connected]", "[requires|needs] an [internet connection|active connection|online connection]",
                   "[the|our] users [have|are on] [fast|reliable|stable|good] [internet|broadband|wifi|5G|fiber]",
                   "[offline|no-network] [use|mode|support] [is not|isn't] needed", "[it is|it's] [a|an] [online|cloud|web] service[ anyway|]"],
        "intermittent": ["[spotty|patchy|unreliable|flaky|intermittent] [internet|connection|network|wifi|coverage|signal]",
                         "[often|sometimes|frequently] offline", "[works|keeps working] [when|if] the [connection|network|signal] drops",
                         "[syncs|uploads] [later|when back online|once a connection returns]", "[metered|expensive|limited] [mobile data|bandwidth|data plans]",
                         "offline-first, syncs when online"],
        "offline": ["[works|runs] [100%|fully|completely|entirely|] offline", "no [internet|network|connection|wifi] [needed|required|at all]",
                    "[air-gapped|disconnected|isolated] [machines|network|systems|environment]", "[must|has to] work [in airplane mode|without internet|with no signal]",
                    "[offline only|offline use only|no connectivity]"],
    },
    "latency": {
        "realtime": ["[in|at] real[ |-]time", "[instant|instantaneous|live] [results|feedback|captions|translation|suggestions]",
                     "[under|below|within] [50|100|20] [ms|milliseconds]", "[no|zero] [lag|delay|latency][ allowed|]", "[as you type|while you speak|on every frame|frame by frame]",
                     "[live|streaming] [audio|video|camera feed|microphone input]"],
        "interactive": ["[answers|replies|responses] [within|in|under] [a second|one second|a couple of seconds]", "[snappy|fast|quick|responsive] [chat|replies|answers|UI]",
                        "[the user|users|people] [wait|waits] for [the|each] [answer|reply|response]", "[interactive|conversational] [use|chat|assistant]",
                        "[near-instant|quick] [answers|responses] in [a|the] chat"],
        "relaxed": ["[a few|several|some] seconds [is|are] [fine|ok|acceptable|okay]", "[speed|latency|response time] [is not|isn't] [critical|important|a big deal]",
                    "[no|not in a] [rush|hurry]", "[waiting|a wait] of [a few|several|ten] seconds is fine", "[it can|can] take [a moment|a few seconds|its time]"],
        "batch": ["[overnight|nightly|weekly|hourly] [batch|batch jobs|runs|processing]", "[runs|processes] in [bulk|batches|the background]",
                  "[results|reports] [can|may] take [hours|all night|a day]", "[nobody|no one] waits for [the results|it|the output]",
                  "[scheduled|offline|background] [jobs|processing|pipeline]", "[throughput|volume] [matters|counts] more than [speed|latency]"],
    },
    "resources": {
        "npu": ["[requires|needs|uses] [an|the] NPU", "[Apple silicon|M1 or later|M-series] [Macs|Mac|chips][ required| only|]",
                "[Copilot+|AI] PCs[ only| with an NPU|]", "[runs on|uses] the [Neural Engine|neural processing unit|AI accelerator]",
                "[Snapdragon X|Intel Core Ultra|Ryzen AI] [laptops|PCs|chips]"],
        "gpu": ["[needs|requires|uses] [an|a] [NVIDIA|discrete|dedicated|CUDA] GPU", "[RTX|CUDA|high-end] [graphics cards|GPUs|workstations]",
                "[at least|] [8|12|16|24] GB of VRAM", "[gaming|workstation|GPU] [PCs|rigs|machines] [only|required|]"],
        "mainstream": ["[runs|works] on [any|ordinary|everyday|regular|typical] [laptop|laptops|PC|computer|desktop|phone]",
                       "[no|without] special hardware[ needed| required|]", "[mid-range|average|normal|standard] [phones|laptops|machines|hardware]",
                       "[8|16] GB of RAM is enough"],
        "low_end": ["[runs|works] on [old|older|cheap|budget|low-end|low-memory] [phones|laptops|devices|hardware|PCs]",
                    "[Raspberry Pi|microcontrollers|embedded boards|Chromebooks|feature phones]", "[only|just] [2|4|1] GB of [RAM|memory]",
                    "[tiny|constrained|limited] [devices|hardware|memory]"],
        "mixed": ["[all kinds of|any|a wide range of|many different] [devices|hardware|machines]", "[whatever|any] [hardware|device] [customers|users|people] [have|own|bring]",
                  "[from|on everything from] [old|budget] phones to [high-end|gaming|new] [PCs|laptops|workstations]",
                  "[an unknown|a mixed|a varied] [fleet|range|set] of [devices|hardware|machines]"],
    },
    "collaboration": {
        "single": ["[just|only] [for|used by] [one person|me|a single user|the individual user]", "[personal|private|single-user] [tool|assistant|app|use]",
                   "[nothing|no data] is shared [with anyone|between users|]", "[one|a single] [user|person] on [one|a single|their own] [device|machine|computer]"],
        "team": ["[the|our|a] [team|group|department|office] [shares|share] [results|notes|documents|the outputs]",
                 "[shared|collaborative] [workspace|notes|documents|projects] for [the team|teams|colleagues]",
                 "[colleagues|teammates|coworkers] [see|edit|review] [each other's|the same|shared] [results|work|documents]",
                 "[multi-user|team] [collaboration|workspaces|accounts]"],
        "anywhere": ["[access|use it] from [anywhere|any device|phone, laptop and browser]", "[syncs|synced] across [all|every|your] [devices|platforms]",
                     "[people|users|staff] [in|across] [many|different] [places|countries|locations|offices] [use|share|access] it",
                     "[cloud sync|available everywhere|on every device you own]"],
    },
    "request_mix": {
        "uniform": ["[every|each|all] [request|query|task] [is|are] [similar|alike|the same kind|equally simple]", "[one|a single] [small|simple] model [is enough|handles everything|for every request]",
                    "[no|never any] [hard|difficult|tricky] [cases|requests|queries]"],
        "long_tail": ["[mostly|most requests are] [simple|easy], [with|plus] [a few|occasional|rare] [hard|complex|difficult] [ones|cases|questions]",
                      "[hard|complex|tricky] [cases|questions|requests] [are|go] to [a bigger|a larger|the cloud] model", "[escalate|route|fall back] [hard|the hardest|rare] [requests|cases|questions] to [a bigger model|the cloud|a larger model]",
                      "[90%|95%|most] of [requests|queries|tasks] are [easy|simple|trivial]"],
        "varied": ["[a|an even] mix of [easy|simple] and [hard|complex|difficult] [requests|questions|tasks]", "[difficulty|complexity] [varies|changes] [a lot|widely|greatly]",
                   "[half|about half] [of the|the] [requests|tasks|questions] are [hard|complex|demanding]"],
    },
    "knowledge": {
        "input_only": ["[no|without] [retrieval|lookup|search|extra context|outside data][ needed| required|]", "[works|runs] [only|just|purely] [on|from|with] [the|your] [input|prompt|text|request]",
                       "[the model's|its] [own|built-in] knowledge is enough"],
        "device_data": ["[searches|reads|indexes|uses] [your|the user's|local] [files|photos|notes|messages|emails|documents] [on|stored on] [the|your] [device|phone|Mac|PC|laptop]",
                        "[local|on-device] [search|index|knowledge base] of [your|the user's] [files|notes|documents|library]", "[uses|draws on] what is [already |]on [your|the] [phone|computer|device]"],
        "shared_data": ["[searches|answers from|draws on] [the|our|your] [company|team|organization's|shared] [wiki|knowledge base|documents|database|drive|records]",
                        "[retrieval|RAG|search] over [the|our|your] [company's|team's|organization's|internal] [docs|documents|data|knowledge base]",
                        "[connects|integrates] [to|with] [Slack|Confluence|Notion|Google Drive|SharePoint|Salesforce] [to answer|for context|]"],
        "live_data": ["[searches|browses|checks] the [web|internet] [for|to find] [current|fresh|up-to-date|the latest] [answers|information|results|prices|news]",
                      "[live|real-time|current|up-to-date] [data|prices|news|scores|weather|traffic][ from the web| from an API|]", "[cites|links to] [live|current|recent] [sources|web pages|search results]"],
    },
    "tooling": {
        "windows": ["[a|] [native|] [Windows|WinUI|WPF|.NET|Win32] [app|application|desktop app|client]", "[for|on] Windows [10 and 11|11|PCs][ only|]",
                    "[built|written] [in|with] [C#|.NET|WinUI 3|the Windows App SDK]"],
        "web": ["[a|] [browser|Chrome|Firefox|Edge] [extension|add-on|plugin]", "[runs|works] [in|inside] [the|your|any] [browser|web browser]", "[web app|web-based|website|SaaS web dashboard]",
                "[no install|nothing to install], [just|only] [open|visit] [the|a] [website|web page|URL]"],
        "azure": ["[hosted|deployed|running] [on|in] [Azure|Microsoft Azure|the Azure cloud]", "[Azure OpenAI|Azure AI Foundry|Azure Functions|Azure App Service|Azure AI Search]",
                  "[built|runs] on [Azure|Microsoft's cloud][ services|]"],
        "mobile": ["[an|a] [iOS|Android|iPhone|iPad|mobile|smartphone] [app|application]", "[available|out now] on the [App Store|Google Play|Play Store]",
                   "[for|on] [iPhone|iPhone and iPad|Android phones|iOS and Android]", "[built|written] [in|with] [Swift|Kotlin|SwiftUI|Jetpack Compose]"],
        "cross_platform": ["[available|runs|works] on [Windows, macOS and Linux|Mac, Windows and Linux|every desktop|all major platforms]",
                           "[cross-platform|multi-platform] [app|desktop app|client|release]", "[for|on] [desktop and mobile|Windows, Mac, iOS and Android|every platform]",
                           "[built|made] with [Electron|Flutter|React Native|Tauri|.NET MAUI] [for every platform|for all platforms|]"],
    },
}

# Terse notes: a spec jotted as keywords. Each is one label's evidence and nothing else.
TERSE = {
    "privacy": {"public": ["public data", "non-sensitive", "open data"], "internal": ["internal only", "confidential", "proprietary data"],
                "personal": ["PII", "personal data", "GDPR"], "regulated": ["HIPAA", "PHI", "PCI", "regulated data"],
                "device_only": ["on-device only", "no uploads", "data stays local", "local-only"]},
    "connectivity": {"always": ["always online", "online only", "needs internet"], "intermittent": ["flaky network", "spotty connection", "offline sometimes"],
                     "offline": ["offline", "no internet", "air-gapped", "offline only"]},
    "latency": {"realtime": ["realtime", "real-time", "<100ms", "live"], "interactive": ["interactive", "sub-second", "chat speed"],
                "relaxed": ["latency not critical", "seconds ok", "no rush"], "batch": ["batch", "nightly", "overnight job"]},
    "model_size": {"small": ["tiny model", "small model ok", "classification only"], "medium": ["mid-size LLM", "7B-class model", "summaries and chat"],
                   "large": ["frontier model", "GPT-4-class", "large model needed"]},
    "resources": {"npu": ["NPU", "Apple silicon", "Copilot+ PC"], "gpu": ["RTX GPU", "CUDA", "discrete GPU"], "mainstream": ["normal laptops", "any PC"],
                  "low_end": ["old phones", "low-end devices", "Raspberry Pi"], "mixed": ["mixed fleet", "any hardware", "all kinds of devices"]},
    "collaboration": {"single": ["single user", "personal use", "just me"], "team": ["team sharing", "shared with team", "multi-user"],
                      "anywhere": ["any device", "sync everywhere", "global access"]},
    "request_mix": {"uniform": ["uniform requests", "all easy"], "long_tail": ["mostly easy, rare hard ones", "long tail of hard cases"],
                    "varied": ["mixed difficulty", "easy and hard equally"]},
    "knowledge": {"input_only": ["no retrieval", "prompt only"], "device_data": ["local files", "on-device index"],
                  "shared_data": ["company wiki", "RAG over team docs"], "live_data": ["web search", "live data", "real-time feeds"]},
    "tooling": {"windows": ["Windows", "WinUI", ".NET desktop"], "web": ["web", "browser", "PWA"], "azure": ["Azure", "Azure OpenAI"],
                "mobile": ["iOS", "Android", "mobile"], "cross_platform": ["cross-platform", "Win/Mac/Linux"]},
    "cost": {"no_usage_fees": ["no API fees", "no subscription", "zero per-call cost"], "balanced": ["cost: either way", "budget flexible"],
             "pay_as_you_go": ["pay per use", "usage-based pricing", "no hardware budget"]},
    "scale": {"fixed": ["~20 users", "small fixed team", "steady load"], "growing": ["growing user base", "steady growth"],
              "spiky": ["spiky traffic", "millions of users", "bursty load"]},
    "maintenance": {"in_house": ["self-maintained", "our ML team patches it", "self-hosted"], "either": ["maintenance: either"],
                    "managed": ["fully managed", "no ops team", "vendor-maintained"]},
    "customization": {"off_the_shelf": ["off-the-shelf model", "no fine-tuning", "stock model"], "fine_tuned": ["fine-tuned", "LoRA on our data", "domain-tuned"],
                      "full_control": ["own weights", "full control", "open weights, self-trained"]},
}

# More tasks, by model size, in the base form the openers expect.
TASKS_V3 = {
    "small": ["tag {o} automatically", "detect the mood of {o}", "sort {o} into categories", "spot typos in {o}", "anonymize {o}",
              "clean up {o}", "transcribe short voice commands about {o}", "find and hide personal details in {o}", "rank {o} by relevance",
              "check {o} for toxic language", "turn {o} into structured fields", "read text off {o}"],
    "medium": ["summarize and search {o}", "chat with your {o}", "ask questions about {o} in plain English", "get quick answers from {o}",
               "write replies based on {o}", "take notes on {o} and summarize them", "translate {o} into other languages",
               "turn {o} into a searchable knowledge base", "draft emails about {o}", "rewrite {o} in a friendlier tone"],
    "large": ["reason through {o} like an expert", "generate high-resolution images based on {o}", "write and refactor large codebases using {o}",
              "analyze entire archives of {o} in one pass", "act as an agent that browses, plans and acts on {o}",
              "produce long, well-researched reports from {o}", "create videos from {o}", "solve complex multi-step problems in {o}"],
}

# More short notes: one to three words each, so they widen the vocabulary while adding few
# word 3-grams (which the overlap check counts).
TERSE_MORE = {
    "privacy": {"public": ["public datasets", "published content", "nothing private"], "internal": ["trade secrets", "internal docs", "company-only data"],
                "personal": ["customer PII", "user data", "private messages", "contact details"],
                "regulated": ["HIPAA-compliant", "patient data", "financial records", "PHI involved", "GDPR special category"],
                "device_only": ["never uploaded", "stays on-device", "no data leaves", "local processing only"]},
    "connectivity": {"always": ["cloud-connected", "always connected", "requires connectivity"], "intermittent": ["patchy coverage", "metered data", "sync later"],
                     "offline": ["offline-capable", "works offline", "no connectivity", "airplane mode"]},
    "latency": {"realtime": ["instant", "zero lag", "live captions", "per keystroke"], "interactive": ["quick replies", "about a second", "responsive chat"],
                "relaxed": ["no hurry", "can wait", "seconds fine"], "batch": ["bulk processing", "background queue", "weekly batch"]},
    "resources": {"npu": ["Neural Engine", "NPU required", "AI PC"], "gpu": ["NVIDIA GPU", "GPU workstation", "VRAM heavy"],
                  "mainstream": ["typical laptops", "ordinary PCs", "mid-range phones"], "low_end": ["budget phones", "older hardware", "low memory"],
                  "mixed": ["any device", "varied hardware", "whatever users own"]},
    "collaboration": {"single": ["personal only", "one user", "private workspace"], "team": ["team workspace", "shared results", "for coworkers"],
                      "anywhere": ["cross-device sync", "from anywhere", "every device"]},
    "request_mix": {"uniform": ["same task always", "uniform workload"], "long_tail": ["rare hard cases", "escalate hard ones"],
                    "varied": ["easy and hard", "varied difficulty"]},
    "knowledge": {"input_only": ["no lookup", "no RAG"], "device_data": ["local library", "files on device", "on-device search"],
                  "shared_data": ["shared drive", "team knowledge base", "CRM data"], "live_data": ["live search", "fresh news", "current prices"]},
    "tooling": {"windows": ["Windows app", "WPF", "Win32"], "web": ["browser-based", "Chrome extension", "web dashboard"],
                "azure": ["Azure Functions", "Azure-hosted"], "mobile": ["iPhone app", "Android app", "App Store"],
                "cross_platform": ["Electron", "Flutter app", "macOS, Windows, Linux"]},
    "cost": {"no_usage_fees": ["free, no API", "no recurring fees", "one-time purchase", "no cloud bill"], "balanced": ["cost-neutral", "either pricing"],
             "pay_as_you_go": ["per-token billing", "metered pricing", "no upfront cost", "pay per call"]},
    "scale": {"fixed": ["small user base", "few users", "flat demand"], "growing": ["user growth", "growing fast", "more users monthly"],
              "spiky": ["traffic bursts", "viral peaks", "huge audience", "seasonal spikes"]},
    "maintenance": {"in_house": ["we patch it", "in-house MLOps", "our own updates"], "either": ["either maintainer"],
                    "managed": ["vendor-managed", "managed API", "auto-updated by provider", "zero ops"]},
    "customization": {"off_the_shelf": ["stock LLM", "default model", "no custom training"], "fine_tuned": ["fine-tuning", "domain adaptation", "custom-trained"],
                      "full_control": ["own model", "open weights", "self-trained model"]},
}

# A fourth set, added with heldout_v3 as a development set: its per-class confusion counts (never
# its texts) showed demanding generative work read as `medium`, small tasks left unanswered and
# shared company data read as live data. Written from the questionnaire's own option wording
# ("Large: advanced reasoning, long context, image generation"; "A team's, company's or many
# users' data"), short so that they add few word 3-grams.
TASKS_V4 = {
    "small": ["flag {o} for review", "pick out names and dates in {o}", "detect objects in {o}", "label {o} by type"],
    "large": ["generate artwork from {o}", "write long-form articles from {o}", "debug and explain code in {o}",
              "answer open-ended questions on any topic about {o}", "turn {o} into slide decks", "compose music from {o}"],
}
TERSE_V4 = {
    "model_size": {"small": ["lightweight model", "simple classifier", "keyword extraction"], "medium": ["summarization", "Q&A chat"],
                   "large": ["GPT-4", "long context", "image generation", "advanced reasoning", "multimodal model"]},
    "knowledge": {"shared_data": ["company docs", "Confluence pages", "SharePoint files", "customer database", "enterprise search",
                                 "org-wide data"]},
}
