"""Test-wide settings.

Hypothesis profiles: ``default`` for every run; ``thorough`` (HYPOTHESIS_PROFILE=thorough) checks
thousands of generated pages.
"""

from __future__ import annotations

import os

from hypothesis import Phase, settings

settings.register_profile("default", max_examples=300)
settings.register_profile("thorough", max_examples=3000)
# ``explore``: many pages, no shrinking; for hunting layouts the cleaner misreads.
settings.register_profile("explore", max_examples=3000, phases=[Phase.explicit, Phase.generate])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
