"""``mpox-train recipe default|paper``: a named end-to-end recipe (training/recipe.py, docs/recipes.md).

    mpox-train recipe default --data ../shared/data/skin/manifest.csv \\
        --more-data ../shared/data/skin_more/manifest.csv --open-set ../shared/data/open_set/manifest.csv \\
        --out runs/default --install models/bundles/default
"""

from __future__ import annotations

import argparse
import json

from training.fit import FitConfig
from training.recipe import DEFAULT, RECIPES, SET_BY_THE_RECIPE, RecipeConfig, run_recipe, with_settings
from training.settings import add_setting_arguments, settings_from_args

# Fine-tuning's device is chosen per stage by the recipe (CUDA when available).
_FINE_TUNING_SKIP = (*SET_BY_THE_RECIPE, "device")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The recipe's name, then one flag per option (training/settings.py): RecipeConfig's own and
    fine-tuning's (FitConfig). A flag left out keeps the named recipe's value; the defaults shown are the
    default recipe's."""
    parser.add_argument(
        "recipe", choices=sorted(RECIPES), help="default: the kiosk's model; paper: the paper's"
    )
    add_setting_arguments(parser, RecipeConfig, defaults=DEFAULT, overriding=True)
    tuning = parser.add_argument_group("fine-tuning (mpox-train fit's options)")
    add_setting_arguments(
        tuning, FitConfig, skip=_FINE_TUNING_SKIP, defaults=DEFAULT.fine_tune, overriding=True
    )


def config_from_args(args: argparse.Namespace) -> RecipeConfig:
    """The named recipe with the options the command line gave."""
    return with_settings(
        RECIPES[args.recipe],
        **settings_from_args(RecipeConfig, args),
        **settings_from_args(FitConfig, args, skip=_FINE_TUNING_SKIP),
    )


def run(args: argparse.Namespace) -> int:
    summary = run_recipe(config_from_args(args))
    print(json.dumps(summary, indent=2))
    return 0
