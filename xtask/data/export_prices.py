"""Prints the pinned genai-prices dataset as JSON: per provider, each model's standard prices over time.

Only genai_prices/data.py is read. The package's __init__ imports its live-update client (httpx2),
which this export never uses, so the package is loaded as a namespace without running __init__.
"""

import importlib.metadata
import importlib.util
import json
import sys
import types

PROVIDERS = sys.argv[1].split(',')


def load_data():
    spec = importlib.util.find_spec('genai_prices')
    package = types.ModuleType('genai_prices')
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules['genai_prices'] = package
    from genai_prices import data

    return data


def base(price):
    """A tiered price's base rate (prompts under the first tier), as a decimal string."""
    if price is None:
        return None
    return str(getattr(price, 'base', price))


def history(model):
    """The standard input/output prices and the date each took effect (None: undated)."""
    if not isinstance(model.prices, list):
        entries = [(None, model.prices)]
    else:
        entries = []
        for conditional in model.prices:
            constraint = conditional.constraint
            if constraint is None:
                entries.append((None, conditional.prices))
            elif type(constraint).__name__ == 'StartDateConstraint':
                entries.append((constraint.start_date.isoformat(), conditional.prices))
            # Time-of-day discounts (off-peak hours) are not a price change: left out.
    rows = []
    for start, prices in entries:
        row = {'from': start, 'input': base(prices.input_mtok), 'output': base(prices.output_mtok)}
        if row['input'] is not None and row['output'] is not None:
            rows.append(row)
    return rows


def main():
    data = load_data()
    out = {'version': importlib.metadata.version('genai-prices'), 'providers': {}}
    for provider in data.providers:
        if provider.id not in PROVIDERS:
            continue
        out['providers'][provider.id] = {
            'name': provider.name,
            'pricing_urls': list(provider.pricing_urls or []),
            'models': {
                model.id: {
                    'name': model.name,
                    'deprecated': bool(model.deprecated),
                    'history': history(model),
                }
                for model in provider.models
            },
        }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


main()
