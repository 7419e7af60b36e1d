"""Hypothesis strategies for typeset pages: what the property tests of both typesetters draw.

A page is drawn from a seed (its stories, boxes and words) and a few choices of layout; how it is
drawn (rules, gutters, type) is each typesetter's own and passed in. Pages are drawn in the words
of pools A and B; pool C stays held out for measuring (``benchmarks/text_route.py --texts C``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from tests.typeset.pages import POOLS, PageSpec, make_page

TESTED_POOLS = ("A", "B")
"""The word pools the tests draw pages in: C is never tried while the reader is worked on."""


@st.composite
def fresh_pages(
    draw: st.DrawFn, leadings: Sequence[float], drawings: st.SearchStrategy[dict[str, Any]]
) -> tuple[int, PageSpec]:
    """A seed and the page drawn from it: 4–6 columns at one of ``leadings``, 2–4 rows, headlines
    before or drawn after their bodies, with or without tiers, ad, chart, photo and index boxes,
    stacked stories, a lead story in larger type, maybe jumping to page 3; drawn as one of
    ``drawings`` says (the typesetter's own options, which change the PDF, never the gold)."""
    seed = draw(st.integers(0, 2**32 - 1))
    ad, chart, photo, index = draw(st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()))
    page = make_page(
        random.Random(seed),
        1 + seed % 8,
        columns=draw(st.sampled_from([4, 5, 6])),
        leading=draw(st.sampled_from(leadings)),
        headlines_drawn_after=draw(st.booleans()),
        head_tiers=draw(st.booleans()),
        ad=ad,
        chart=chart,
        photo=photo,
        index=index,
        rows=draw(st.integers(2, 4)),
        jump_to=3 if seed % 3 == 0 else None,
        stacks=draw(st.booleans()),
        pool=POOLS[draw(st.sampled_from(TESTED_POOLS))],
    )
    page = replace(page, **draw(drawings))
    larger_lead = draw(st.booleans())
    return seed, replace(page, lead_body_size=page.body_size + 1.0 if larger_lead else None)
