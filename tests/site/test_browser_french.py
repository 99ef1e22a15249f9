"""The French site in a real browser: the language link on a round and on a filled-in
calculator, accessibility (axe-core) of French pages, and screenshots of the French home and
round page. The same Chromium, live server and shipped rounds as test_browser.py."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.site.test_browser import (  # noqa: F401 (fixtures)
    DESKTOP,
    SCREENSHOTS,
    assert_shows_a_styled_page,
    browser_context_args,
    browser_type_launch_args,
    history,
    recent_history,
    serious_violations,
)
from tests.site.test_french import CALCULATOR_PROFILE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("history"),
]


def test_the_language_link_keeps_the_page_and_french_pages_pass_axe(page):
    page.goto("/draws/392/")
    page.get_by_role("link", name="Français").click()

    page.wait_for_url("**/fr/rondes/392/")
    expect(page.locator("html")).to_have_attribute("lang", "fr-CA")
    expect(page.locator("main")).to_contain_text("21 janvier 2026")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/draws/392/")
    expect(page.locator("html")).to_have_attribute("lang", "en-CA")

    page.goto("/crs/calculator/?" + CALCULATOR_PROFILE)
    expect(page.locator(".crs-total")).to_contain_text("497")
    page.get_by_role("link", name="Français").click()

    page.wait_for_url("**/fr/scg/calculatrice/?*")
    assert parse_qs(urlsplit(page.url).query, keep_blank_values=True) == parse_qs(
        CALCULATOR_PROFILE, keep_blank_values=True
    )
    expect(page.locator("#id_age")).to_have_value("29")
    expect(page.locator(".crs-total")).to_contain_text("497")

    # In the same test, as the shipped rounds take seconds to load for each: accessibility
    # of French pages, and screenshots of two for a person to look at.
    page.set_viewport_size(DESKTOP)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for name, path in [
        ("home", "/fr/"),
        ("draw", "/fr/rondes/392/"),
        ("calculator", "/fr/scg/calculatrice/"),
        ("not-found", "/fr/nulle-part/"),
    ]:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "fr-CA")
        problems.extend(serious_violations(page))
        if name in ("home", "draw"):
            screenshot = SCREENSHOTS / f"fr-{name}-desktop.png"
            page.screenshot(path=screenshot, full_page=True)
            assert_shows_a_styled_page(screenshot, DESKTOP)
    assert not problems, "\n".join(problems)
