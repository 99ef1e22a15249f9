"""The public pages in a real browser: links, the history's filters, phone widths, dark mode,
accessibility (axe-core), and screenshots for a person to look at.

They drive Debian's Chromium (`make chromium`), never a browser downloaded by Playwright,
against the live server with the latest rounds of the shipped history loaded.
"""

import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from draws.models import Draw
from tests.factories import PROJECT

HISTORY = [
    PROJECT / "data" / "ircc-ee-rounds-123-en.json",
    PROJECT / "data" / "rounds-after-2026-08-07.json",
]
SCREENSHOTS = PROJECT / "test-artifacts" / "screenshots"

# One page of each kind, with the status it answers.
PAGES = {
    "home": ("/", 200),
    "history": ("/draws/", 200),
    "history-error": ("/draws/?crs_min=-5", 400),
    "draw": ("/draws/392/", 200),
    "streams": ("/streams/", 200),
    "stream": ("/streams/cec/", 200),
    "guide": ("/programs/cec/", 200),
    "categories": ("/categories/", 200),
    "timeline": ("/timeline/", 200),
    "about": ("/about/", 200),
    "not-found": ("/draws/99999/", 404),
    "alerts": ("/alerts/?stream=cec", 200),
    "alerts-privacy": ("/alerts/privacy/", 200),
}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
NARROW_PHONE = {"width": 360, "height": 740}

# The live server needs a transactional database, flushed after each test; the serialized
# rollback brings back the streams, guides and group that the data migrations seed.
# They run in a pytest process of their own (make test): restoring the serialized data
# after a flush does not survive sharing a session with the database tests.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # pytest-playwright has no option for the browser's path.
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url}


# The shipped history's rounds from #300 on (April 2024 to today): every kind of page, a
# year of every active stream and round #392, imported before each test (the live server's
# database is flushed after each) in a third of the time the whole history takes.
FIRST_ROUND = 300


@pytest.fixture(scope="session")
def recent_history(tmp_path_factory):
    rounds = [
        raw
        for path in HISTORY
        for raw in json.loads(path.read_text(encoding="utf-8"))["rounds"]
        if raw["drawNumber"].isdigit() and int(raw["drawNumber"]) >= FIRST_ROUND
    ]
    feed = tmp_path_factory.mktemp("history") / "recent-rounds.json"
    feed.write_text(json.dumps({"rounds": rounds}), encoding="utf-8")
    return feed


@pytest.fixture
def history(recent_history):
    call_command("import_rounds", str(recent_history), stdout=io.StringIO())


def visit(page, name):
    path, status = PAGES[name]
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}, not {status}"


def test_reader_follows_links_from_home_to_a_stream_a_round_and_a_guide(page, live_server, history):
    latest = Draw.objects.published().newest_first().with_stream().first()

    visit(page, "home")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"#{latest.label} · {latest.stream.name}"
    )
    # Active or dormant (the history is fixed, today is not), the stream is listed.
    streams = page.locator("section[aria-labelledby='streams-heading']")
    streams.get_by_role("link", name="Canadian Experience Class", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/streams/cec/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Canadian Experience Class rounds")
    page.get_by_role("region", name="Rounds, newest first").get_by_role(
        "link", name="#392", exact=True
    ).click()

    expect(page).to_have_url(f"{live_server.url}/draws/392/")
    expect(page).to_have_title(
        "Round #392: CEC, 6,000 invitations, minimum CRS 509 (21 January 2026) · "
        "Express Entry rounds"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Round #392: Canadian Experience Class"
    )
    figures = page.locator(".key-figures")
    expect(figures.locator("div", has_text="Minimum CRS").locator("dd")).to_have_text("509")
    expect(figures.locator("div", has_text="Invitations").locator("dd")).to_have_text("6,000")
    expect(page.locator(".lead")).to_have_text(
        "On 21 January 2026 IRCC invited 6,000 candidates with a CRS score of 509 or more."
    )
    page.get_by_role("navigation", name="Main").get_by_role("link", name="CEC", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/programs/cec/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Canadian Experience Class (CEC)")
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="CEC", exact=True)
    ).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", name="How CEC rounds have gone")).to_be_visible()


def test_history_filters_by_stream_and_year_and_rejects_bad_values(page, history):
    expected = Draw.objects.published().filter(stream__slug="cec", date__year=2025).count()
    assert 0 < expected <= 50, "the check below expects one page of CEC rounds in 2025"

    visit(page, "history")
    page.get_by_role("checkbox", name="Canadian Experience Class").check()
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Show rounds").click()

    page.wait_for_url("**/draws/?*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["stream"] == ["cec"]
    assert query["year"] == ["2025"]
    expect(page.get_by_role("checkbox", name="Canadian Experience Class")).to_be_checked()
    expect(page.get_by_label("Year")).to_have_value("2025")
    expect(page.get_by_role("status")).to_contain_text(f"{expected} rounds match")
    rows = page.get_by_role("region", name="Rounds", exact=True).locator("tbody tr")
    expect(rows).to_have_count(expected)
    # Columns: round, date, stream, invitations, minimum CRS.
    assert set(rows.locator("td:nth-of-type(2)").all_inner_texts()) == {"CEC"}
    assert all(
        date.endswith(" 2025") for date in rows.locator("td:nth-of-type(1)").all_inner_texts()
    )

    visit(page, "history-error")
    expect(page.get_by_role("alert")).to_contain_text("Some filters could not be read")
    expect(page.locator(".field-error")).to_have_text(
        "Ensure this value is greater than or equal to 0."
    )
    expect(page.get_by_label("CRS at least")).to_have_value("-5")
    expect(page.get_by_role("region", name="Rounds", exact=True)).to_have_count(0)


OVERFLOW_SCRIPT = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const element of document.body.querySelectorAll("*")) {
        // Tables sit in .table-scroll wrappers that scroll sideways on purpose.
        if (element.parentElement.closest(".table-scroll")) continue;
        const box = element.getBoundingClientRect();
        if (box.width > width || box.right > width + 1) {
            const name = element.tagName.toLowerCase()
                + (element.id ? "#" + element.id : "")
                + (element.className && typeof element.className === "string"
                    ? "." + element.className.trim().split(/\\s+/).join(".") : "");
            wide.push(`${name} (${Math.round(box.left)}..${Math.round(box.right)})`);
        }
    }
    return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, wide};
}"""


def test_every_page_fits_a_360_pixel_phone_screen(page, history):
    page.set_viewport_size(NARROW_PHONE)
    problems = []
    for name, (path, _) in PAGES.items():
        visit(page, name)
        layout = page.evaluate(OVERFLOW_SCRIPT)
        if layout["scrollWidth"] > layout["clientWidth"]:
            problems.append(
                f"{path}: page is {layout['scrollWidth']}px wide in {layout['clientWidth']}px"
            )
        problems.extend(f"{path}: {element} is past the right edge" for element in layout["wide"])
    assert not problems, "\n".join(problems)


CHART_LABELS_SCRIPT = """
() => [...document.querySelectorAll("svg.chart")].flatMap((svg) => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const labels = [...svg.querySelectorAll(".chart-label")].map((label) => ({
    text: label.textContent,
    px: parseFloat(getComputedStyle(label).fontSize) * scale,
    rect: label.getBoundingClientRect(),
  }));
  const problems = [];
  for (const [i, label] of labels.entries()) {
    if (label.px < 9) problems.push(`${label.text} is ${label.px.toFixed(1)}px`);
    if (label.rect.left < box.left - 1 || label.rect.right > box.right + 1)
      problems.push(`${label.text} is cut off`);
    for (const other of labels.slice(i + 1)) {
      const r = label.rect, o = other.rect;
      const apart = r.right - 1 <= o.left || o.right - 1 <= r.left
        || r.bottom - 1 <= o.top || o.bottom - 1 <= r.top;
      if (!apart) problems.push(`${label.text} overlaps ${other.text}`);
    }
  }
  return problems.map((problem) => `${svg.getAttribute("aria-labelledby")}: ${problem}`);
})
"""


def test_chart_labels_are_legible_on_a_360_pixel_phone(page, history):
    page.set_viewport_size(NARROW_PHONE)
    problems = []
    for name in ("home", "draw", "stream"):
        visit(page, name)
        assert page.locator("svg.chart").count() > 0, name
        problems += [
            f"{PAGES[name][0]} {problem}" for problem in page.evaluate(CHART_LABELS_SCRIPT)
        ]
    assert not problems, "\n".join(problems)


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} "
        f"at {', '.join(str(node['target']) for node in violation['nodes'])}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_every_page_has_no_serious_accessibility_violations_in_light_or_dark(page, history):
    problems = []
    for color_scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=color_scheme)
        for name in PAGES:
            visit(page, name)
            problems.extend(f"{color_scheme}: {problem}" for problem in serious_violations(page))
    assert not problems, "\n".join(problems)


def test_dark_mode_changes_the_colours(page, history):
    def colours():
        return page.evaluate(
            "() => { const style = getComputedStyle(document.body);"
            " return [style.backgroundColor, style.color]; }"
        )

    visit(page, "draw")
    page.emulate_media(color_scheme="light")
    light_background, light_text = colours()
    page.emulate_media(color_scheme="dark")
    dark_background, dark_text = colours()

    assert dark_background != light_background
    assert dark_text != light_text
    assert luminance(dark_background) < luminance(dark_text)
    assert luminance(light_background) > luminance(light_text)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / "draw-dark-phone.png", full_page=True)


def luminance(css_colour):
    """Rough brightness of an `rgb(r, g, b)` value, 0 to 255."""
    red, green, blue = (int(part) for part in css_colour[4:-1].split(",")[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def assert_shows_a_styled_page(path, viewport):
    """The capture fills the window and shows something: not a blank or cut-short page."""
    with Image.open(path) as image:
        assert image.width >= viewport["width"], f"{path.name}: {image.size}"
        assert image.height >= viewport["height"], f"{path.name}: {image.size}"
        # Smoothed text alone makes hundreds of shades; a blank capture has one colour.
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 100, f"{path.name} looks blank"


def test_screenshots_of_every_page_at_phone_and_desktop_widths(page, history):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size_name, size in [("phone", PHONE), ("desktop", DESKTOP)]:
        page.set_viewport_size(size)
        for name in PAGES:
            visit(page, name)
            path = SCREENSHOTS / f"{name}-{size_name}.png"
            page.screenshot(path=path, full_page=True)
            assert_shows_a_styled_page(path, size)


def test_visitor_works_out_a_crs_score_on_a_320_pixel_phone_and_sees_the_breakdown(page, history):
    page.set_viewport_size({"width": 320, "height": 800})
    response = page.goto("/crs/calculator/")
    assert response.status == 200

    page.get_by_label("Marital status").select_option("married")
    page.get_by_role(
        "group", name="Is your spouse or partner a Canadian citizen or permanent resident?"
    ).get_by_label("No").check()
    page.get_by_role(
        "group", name="Will your spouse or partner come with you to Canada?"
    ).get_by_label("Yes").check()
    page.get_by_label("Age", exact=True).fill("29")
    page.get_by_role("group", name="Education", exact=True).get_by_label(
        "Highest level of education completed"
    ).select_option("masters")
    first = page.get_by_role("group", name="First official language", exact=True)
    first.get_by_label("Test taken").select_option("IELTS General Training")
    for ability, score in [
        ("Speaking", "7"),
        ("Listening", "8"),
        ("Reading", "7"),
        ("Writing", "7"),
    ]:
        first.get_by_label(ability).fill(score)
    work = page.get_by_role("group", name="Work experience and trade certificate")
    work.get_by_label("Skilled work experience in Canada").select_option("1 year")
    work.get_by_label("Skilled work experience outside Canada").select_option("3 years or more")
    spouse = page.get_by_role("group", name="Your spouse or common-law partner")
    spouse.get_by_label("Highest level of education completed").select_option("bachelors")
    spouse.get_by_label("Test taken").select_option("CELPIP-General")
    for ability in ["Speaking", "Listening", "Reading", "Writing"]:
        spouse.get_by_label(ability).fill("7")
    page.get_by_role("button", name="Work out my score").click()

    page.wait_for_url("**/crs/calculator/?*")
    assert parse_qs(urlsplit(page.url).query)["age"] == ["29"]
    expect(page.locator(".crs-total")).to_have_text("497 out of 1,200")
    core = page.get_by_role("region", name="Core human capital: 377 points of 460")
    expect(core.get_by_role("row", name="Age Age 29: 100 points")).to_be_visible()
    transferability = page.get_by_role("region", name="Skill transferability: 100 points of 100")
    expect(transferability.locator("tr.limit")).to_have_count(2)
    expect(page.get_by_role("heading", name="Would 497 have been invited?")).to_be_visible()
    expect(page.locator(".pool-sentence")).to_contain_text("candidates in the Express Entry pool")
    expect(page.get_by_label("Age", exact=True)).to_have_value("29")

    layout = page.evaluate(OVERFLOW_SCRIPT)
    assert layout["scrollWidth"] <= layout["clientWidth"], layout
    assert not layout["wide"], layout["wide"]
    problems = []
    for color_scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=color_scheme)
        problems.extend(f"{color_scheme}: {problem}" for problem in serious_violations(page))
    assert not problems, "\n".join(problems)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.emulate_media(color_scheme="light")
    path = SCREENSHOTS / "crs-calculator-result-320.png"
    page.screenshot(path=path, full_page=True)
    assert_shows_a_styled_page(path, {"width": 320, "height": 800})


def test_a_reader_who_saw_a_figure_sees_its_correction_on_the_next_page_they_open(page, history):
    # Chromium's own HTTP cache is in play: the round page is in it when the figure changes.
    minimum = page.locator(".key-figures div", has_text="Minimum CRS").locator("dd")
    page.goto("/draws/392/")
    expect(minimum).to_have_text("509")
    draw = Draw.objects.get_by_label("392")
    draw.crs_min = 508
    draw.save()

    page.goto("/streams/cec/")
    page.get_by_role("region", name="Rounds, newest first").get_by_role(
        "link", name="#392", exact=True
    ).click()

    expect(minimum).to_have_text("508")
    expect(page.get_by_role("list", name="Corrections")).to_contain_text(
        "minimum CRS 509, now 508."
    )


def sign_in(context, username, password):
    editor_page = context.new_page()
    editor_page.goto("/admin/login/")
    editor_page.get_by_label("Username").fill(username)
    editor_page.get_by_label("Password").fill(password)
    editor_page.get_by_role("button", name="Log in").click()
    expect(
        editor_page.get_by_role("link", name="Log out").or_(
            editor_page.get_by_role("button", name="Log out")
        )
    ).to_be_visible()
    return editor_page


def test_two_editors_cannot_overwrite_each_other_unknowingly(browser, live_server, history):
    from django.contrib.auth.models import Group, User

    editors = Group.objects.get(name="Editors")
    for name in ("alice", "amira"):
        User.objects.create_user(name, password=f"{name}-long-password", is_staff=True).groups.add(
            editors
        )
    draw = Draw.objects.get_by_label("392")
    change = f"/admin/draws/draw/{draw.pk}/change/"
    contexts = [browser.new_context(base_url=live_server.url) for _ in range(2)]
    try:
        alice, amira = (
            sign_in(context, name, f"{name}-long-password")
            for context, name in zip(contexts, ("alice", "amira"), strict=True)
        )
        alice.goto(change)
        amira.goto(change)

        alice.locator("#id_crs_min").fill("515")
        alice.locator("input[name=_save]").first.click()
        expect(alice.locator(".messagelist")).to_contain_text("was changed successfully")

        amira.locator("#id_invitations").fill("6,500")
        amira.locator("input[name=_save]").first.click()

        expect(amira.locator(".errornote, .errorlist").first).to_be_visible()
        expect(
            amira.get_by_text("While you had this page open, it was saved by alice")
        ).to_be_visible()
        expect(amira.locator("#id_invitations")).to_have_value("6,500")
        draw.refresh_from_db()
        assert (draw.crs_min, draw.invitations) == (515, 6000)
    finally:
        for context in contexts:
            context.close()


def test_the_pool_page_fits_a_360_pixel_phone_with_legible_charts(page, history):
    # Apart from PAGES: axe and full-page screenshots of its long tables would cost more than
    # every other page together; the tables are one template, checked on the other pages.
    page.set_viewport_size(NARROW_PHONE)
    response = page.goto("/pool/")
    assert response.status == 200
    layout = page.evaluate(OVERFLOW_SCRIPT)
    assert layout["scrollWidth"] <= layout["clientWidth"], layout
    assert not layout["wide"], layout["wide"]
    assert page.locator("svg.chart").count() == 8  # the whole pool, then seven bands
    assert page.evaluate(CHART_LABELS_SCRIPT) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "pool-narrow-phone.png")
    # A round's distribution links to its row, which the reader lands on.
    page.goto("/draws/392/")
    page.get_by_role("link", name="This distribution in the pool's history").click()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#pool-2026-01-19")
    expect(page.locator("tr#pool-2026-01-19")).to_be_in_viewport()


# Issue 15's phone check: the pages to capture at a 360 px phone and a 1366 px laptop, one
# list, so a new page (such as /pool/) is one line here.
SCREENSHOT_PAGES = {
    "home": "/",
    "history": "/draws/",
    "streams": "/streams/",
    "draw": "/draws/392/",
    "pool": "/pool/",
}
NARROWEST_PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1366, "height": 768}


# Where each table's first row puts its round, date and minimum CRS, found by the column
# headers a reader sees; and whether the page itself scrolls sideways.
KEY_CELLS_SCRIPT = """
() => [...document.querySelectorAll("table.data")].map((table) => {
  const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
  const row = table.querySelector("tbody tr");
  const cells = {};
  // The streams' and the checker's tables name their columns for the latest round.
  const names = {"Latest round": "Round", "Latest cut-off": "Min. CRS", "Its cut-off": "Min. CRS"};
  const place = (name, element) => {
    const box = element.getBoundingClientRect();
    cells[name] = cells[name] || [box.left, box.right];
  };
  headers.forEach((header, index) => {
    const cell = row && row.children[index];
    if (!cell || cell.offsetParent === null) return;
    const name = header.replace("\\u00ad", "");
    place(names[name] || name, cell);
    // The checker gives a round's date in the round's cell: "#437, 19 Aug 2026".
    const time = cell.querySelector("time");
    if (time && name !== "Date") place("Date", time);
  });
  return {label: table.closest("[aria-label], [aria-labelledby]")?.getAttribute("aria-label")
          || table.querySelector("caption")?.textContent.trim() || headers.join(","), cells,
          cutOff: headers.some((header) => header.replace("\u00ad", "") in names
                                           ? names[header.replace("\u00ad", "")] === "Min. CRS"
                                           : header.replace("\u00ad", "") === "Min. CRS")};
})
"""
# Tables showing rounds: the columns that must stay on a 360 px screen, by header.
ROUND_TABLE_PAGES = [
    "/",
    "/draws/",
    "/streams/",
    "/streams/cec/",
    "/draws/?stream=pnp",
    "/check/?score=478",
    "/check/?score=300",
]
KEY_COLUMNS = ("Round", "Date", "Min. CRS")


def test_on_a_360_pixel_screen_every_table_shows_round_date_and_minimum_crs(page, history):
    """With screenshots of the main pages at 360 and 1366 px for a person to look at (one
    test, so the history is loaded once)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems, checked = [], 0
    for size in (NARROWEST_PHONE, LAPTOP):
        page.set_viewport_size(size)
        for name, path in SCREENSHOT_PAGES.items():
            assert page.goto(path).status == 200, path
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > size["width"]:
                problems.append(f"{path} is {width}px wide at {size['width']}px")
            capture = SCREENSHOTS / f"{name}-{size['width']}.png"
            page.screenshot(path=capture, full_page=True)
            assert_shows_a_styled_page(capture, size)

    page.set_viewport_size(NARROWEST_PHONE)
    for path in [*ROUND_TABLE_PAGES, "/api/", "/programs/crs/"]:
        assert page.goto(path).status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > NARROWEST_PHONE["width"]:
            problems.append(f"{path} is {width}px wide")
        tables = page.evaluate(KEY_CELLS_SCRIPT) if path in ROUND_TABLE_PAGES else []
        # Tables of rounds (with a date and a cut-off), not of years, figures or gaps.
        for table in (table for table in tables if "Date" in table["cells"] and table["cutOff"]):
            for column in KEY_COLUMNS:
                if column not in table["cells"]:
                    problems.append(f"{path} {table['label']}: no {column} on screen")
                    continue
                checked += 1
                left, right = table["cells"][column]
                if left < 0 or right > NARROWEST_PHONE["width"]:
                    problems.append(f"{path} {table['label']}: {column} at {left:.0f}..{right:.0f}")
    assert checked >= 3 * len(ROUND_TABLE_PAGES)
    assert not problems, "\n".join(problems)
