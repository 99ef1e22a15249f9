"""CSV and JSON exports and the read API: same filters as the history, stable fields, 400s."""

import csv
import datetime as dt
import io
import re

import pytest

from draws.api import EXPORT_COLUMNS
from draws.models import Draw
from tests.factories import many_rounds

pytestmark = pytest.mark.django_db

FILTER_SETS = [
    "",
    "stream=cec",
    "stream=cec&stream=pnp",
    "year=2018",
    "date_from=2026-01-01&date_to=2026-01-20",
    "crs_min=500",
    "crs_max=500&sort=oldest",
    "invitations_min=1000&sort=crs-low",
    "stream=fst&year=2026",  # no rounds
]


def history_count(client, query):
    """The count the history page states for these filters."""
    html = client.get(f"/draws/?{query}").content.decode()
    match = re.search(r'class="result-summary" role="status">\s*([\d,]+) round', html)
    return int(match.group(1).replace(",", ""))


def history_numbers(client, query):
    """Round numbers in the order the history page lists them."""
    html = client.get(f"/draws/?{query}").content.decode()
    return re.findall(r'<th scope="row"><a href="/draws/(\w+)/">', html)


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


class TestExports:
    @pytest.mark.parametrize("query", FILTER_SETS)
    def test_exports_hold_exactly_the_filtered_history(self, client, history, query):
        expected = history_numbers(client, query)
        assert len(expected) == history_count(client, query)
        rows = csv_rows(client.get(f"/draws/export.csv?{query}"))
        assert [row["number"] for row in rows] == expected
        data = client.get(f"/draws/export.json?{query}").json()
        assert data["count"] == len(expected)
        assert [row["number"] for row in data["draws"]] == expected

    def test_exports_take_every_page(self, client, history):
        many_rounds(120)
        query = "stream=cec&stream=pnp&stream=french&stream=general"
        count = history_count(client, query)
        assert count > 50  # more than one page of the history
        assert len(csv_rows(client.get(f"/draws/export.csv?{query}"))) == count
        assert client.get(f"/draws/export.json?{query}").json()["count"] == count

    def test_csv_columns_and_values(self, client, history):
        response = client.get("/draws/export.csv?stream=cec")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"].startswith('attachment; filename="express-entry')
        assert response.content.decode().splitlines()[0] == ",".join(EXPORT_COLUMNS)
        row = csv_rows(response)[0]
        assert row == {
            "number": "392",
            "date": "2026-01-21",
            "stream": "cec",
            "stream_name": "Canadian Experience Class",
            "round_name": "Canadian Experience Class",
            "eligible_programs": "",
            "invitations": "6000",
            "crs_min": "509",
            "tie_break": "2025-10-29T04:35:24Z",
            "pool_as_of": "2026-01-19",
            "pool_total": "89832",
            "url": "http://testserver/draws/392/",
            "source_url": "",
            "stream_name_fr": "Catégorie de l'expérience canadienne",
            "round_name_fr": "Catégorie de l'expérience canadienne",
            "eligible_programs_fr": "",
        }

    def test_rounds_without_tie_break_or_pool_export_empty_values(self, client, history):
        Draw.objects.filter(number=90).update(tie_break=None)
        (row,) = csv_rows(client.get("/draws/export.csv?stream=general"))
        assert row["tie_break"] == "" and row["pool_as_of"] == "" and row["pool_total"] == ""
        (item,) = client.get("/draws/export.json?stream=general").json()["draws"]
        assert item["tie_break"] is None and item["pool_total"] is None

    def test_drafts_are_never_exported(self, client, history):
        numbers = [row["number"] for row in csv_rows(client.get("/draws/export.csv"))]
        assert "393" not in numbers and "91a" in numbers

    @pytest.mark.parametrize("url", ["/draws/export.csv", "/draws/export.json"])
    @pytest.mark.parametrize(
        "query", ["crs_min=abc", "year=1800", "stream=nope", "date_from=2026-13-01", "sort=x"]
    )
    def test_bad_filters_give_a_json_400(self, client, history, url, query):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        body = response.json()
        assert body["error"]
        assert set(body["fields"]) == {query.split("=")[0]}

    def test_history_links_to_exports_with_its_filters(self, client, history):
        html = client.get("/draws/?stream=cec&year=2026&page=1").content.decode()
        assert 'href="/draws/export.csv?stream=cec&amp;year=2026"' in html
        assert 'href="/draws/export.json?stream=cec&amp;year=2026"' in html


class TestApi:
    def test_list_is_paginated_with_links(self, client, history):
        data = client.get("/api/draws/?page_size=2").json()
        assert data["count"] == 6
        assert data["pages"] == 3
        assert [item["number"] for item in data["results"]] == ["392", "391"]
        assert data["previous"] is None
        assert data["next"] == "http://testserver/api/draws/?page_size=2&page=2"
        last = client.get("/api/draws/?page_size=2&page=3").json()
        assert [item["number"] for item in last["results"]] == ["91a", "90"]
        assert last["next"] is None

    def test_list_uses_the_history_filters(self, client, history):
        data = client.get("/api/draws/?stream=cec&crs_min=510").json()
        assert [item["number"] for item in data["results"]] == ["389"]

    def test_round_has_its_stream_and_pool_distribution(self, client, history):
        response = client.get("/api/draws/392/")
        assert response["Access-Control-Allow-Origin"] == "*"
        data = response.json()
        assert data["stream"] == {
            "slug": "cec",
            "name": "Canadian Experience Class",
            "short_name": "CEC",
            "name_fr": "Catégorie de l'expérience canadienne",
            "short_name_fr": "CEC",
            "kind": "program",
            "url": "http://testserver/streams/cec/",
        }
        assert data["tie_break"] == "2025-10-29T04:35:24Z"
        pool = data["pool_distribution"]
        assert pool["as_of"] == "2026-01-19"
        main_bands = [band for band in pool["bands"] if band["within"] is None]
        assert sum(band["count"] for band in main_bands) == pool["total"] == 89832
        assert {"low": 491, "high": 500, "count": 13278, "within": [451, 500]} in pool["bands"]

    def test_round_without_distribution_says_null(self, client, history):
        assert client.get("/api/draws/91a/").json()["pool_distribution"] is None

    @pytest.mark.parametrize("number", ["393", "9999", "abc"])
    def test_drafts_and_unknown_rounds_are_json_404(self, client, history, number):
        response = client.get(f"/api/draws/{number}/")
        assert response.status_code == 404
        assert "error" in response.json()

    def test_streams_with_latest_round(self, client, history):
        data = client.get("/api/streams/").json()
        by_slug = {stream["slug"]: stream for stream in data["results"]}
        assert by_slug["cec"]["rounds"] == 2
        assert by_slug["cec"]["invitations"] == 14000
        assert by_slug["cec"]["latest"]["number"] == "392"
        assert by_slug["stem"]["latest"] is None

    @pytest.mark.parametrize(
        "query",
        [
            "crs_min=abc",
            "crs_max=1201",
            "year=99999999999999999999",
            "page=abc",
            "page=0",
            "page_size=0",
            "page_size=501",
            "page_size=-1",
            "page_size=%00",
            "stream=%00",
            "date_to=yesterday",
        ],
    )
    def test_bad_parameters_give_400(self, client, history, query):
        response = client.get(f"/api/draws/?{query}")
        assert response.status_code == 400
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]

    def test_page_past_the_end_is_404(self, client, history):
        response = client.get("/api/draws/?page=50")
        assert response.status_code == 404
        assert "1 to 1" in response.json()["fields"]["page"][0]

    def test_only_reads(self, client, history):
        assert client.post("/api/draws/").status_code == 405
        assert client.head("/api/draws/").status_code == 200

    def test_responses_are_cacheable_and_cross_origin(self, client, history):
        response = client.get("/api/streams/", headers={"origin": "https://elsewhere.example"})
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Cache-Control"] == "public, no-cache"  # revalidated, with its ETag
        assert response["ETag"]

    def test_docs_page_documents_every_export_column(self, client, history):
        html = client.get("/api/").content.decode()
        for column in EXPORT_COLUMNS:
            assert f"<code>{column}</code>" in html
        assert 'href="/api/draws/392/"' in html


def test_export_json_dates_are_iso(client, history):
    item = client.get("/draws/export.json?stream=cec").json()["draws"][0]
    assert dt.date.fromisoformat(item["date"]) == dt.date(2026, 1, 21)
    assert item["tie_break"].endswith("Z")


def cec_csv_row(client, **fields):
    """The CSV row of round #392 (the newest CEC round), after setting `fields` on it."""
    Draw.objects.filter(number=392).update(**fields)
    return csv_rows(client.get("/draws/export.csv?stream=cec"))[0]


class TestCsvCellsAreNotFormulas:
    """OWASP's "CSV Injection" advice: text a spreadsheet would run starts with an apostrophe."""

    @pytest.mark.parametrize(
        ("text", "cell"),
        [
            ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
            ("+1", "'+1"),
            ("-1+2", "'-1+2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tCanadian Experience Class", "'\tCanadian Experience Class"),
            ("\rCanadian Experience Class", "'\rCanadian Experience Class"),
        ],
    )
    def test_text_that_starts_a_formula_gets_an_apostrophe(self, client, history, text, cell):
        row = cec_csv_row(client, round_name=text, eligible_programs=text, source_url=text)
        assert row["number"] == "392"
        assert row["round_name"] == cell
        assert row["eligible_programs"] == cell
        assert row["source_url"] == cell

    def test_numbers_stay_numbers(self, client, history):
        row = cec_csv_row(client, round_name="-1", eligible_programs="=1+1")
        assert (row["round_name"], row["eligible_programs"]) == ("'-1", "'=1+1")
        assert (row["invitations"], row["crs_min"], row["pool_total"]) == ("6000", "509", "89832")
        assert (row["date"], row["tie_break"], row["pool_as_of"]) == (
            "2026-01-21",
            "2025-10-29T04:35:24Z",
            "2026-01-19",
        )

    def test_direction_controls_are_removed_from_the_csv(self, client, history):
        # A formula sign after the start is only text, so it gets no apostrophe.
        row = cec_csv_row(client, round_name="Canadian\u202e Experience\u2066 Class\u200f =1")
        assert row["round_name"] == "Canadian Experience Class =1"
        # The JSON is not opened by spreadsheets: it keeps the text as stored.
        item = client.get("/draws/export.json?stream=cec").json()["draws"][0]
        assert item["round_name"] == "Canadian\u202e Experience\u2066 Class\u200f =1"

    def test_a_formula_behind_a_direction_control_still_gets_an_apostrophe(self, client, history):
        row = cec_csv_row(client, round_name='\u202e=HYPERLINK("http://x")')
        assert row["round_name"] == '\'=HYPERLINK("http://x")'

    def test_a_carriage_return_inside_a_cell_cannot_start_a_new_row(self, client, history):
        # A spreadsheet ends a row at a bare carriage return unless the cell is quoted: the
        # text after it would become the first cell of a row of its own, unchecked.
        row = cec_csv_row(client, round_name="Canadian\r=SUM(A1)")
        assert row["round_name"] == "Canadian\r=SUM(A1)"
        rows = csv_rows(client.get("/draws/export.csv?stream=cec"))
        assert [row["number"] for row in rows] == ["392", "389"]

    def test_docs_page_says_how_csv_cells_are_made_safe(self, client, history):
        html = client.get("/api/").content.decode()
        assert "starts with an apostrophe" in html
        assert "direction-control characters" in html


def test_the_api_gives_each_round_its_list_of_programs_in_french(client, history):
    Draw.objects.filter(number=392).update(
        eligible_programs="Federal Skilled Worker Program, Canadian Experience Class and "
        "Federal Skilled Trades Program"
    )
    Draw.objects.filter(number=391).update(
        eligible_programs="Provincial Nominee Program",
        eligible_programs_fr="Programme des candidats des provinces (PCP)",
    )
    Draw.objects.filter(number=389).update(eligible_programs="Atlantic Immigration Program")

    french = client.get("/fr/api/rondes/392/").json()
    rounds = {item["number"]: item for item in client.get("/fr/api/rondes/").json()["results"]}

    assert french["eligible_programs_fr"] == (
        "Programme des travailleurs qualifiés (fédéral), Catégorie de l'expérience canadienne "
        "et Programme des travailleurs de métiers spécialisés (fédéral)"
    )
    assert french["eligible_programs"].startswith("Federal Skilled Worker Program")
    # IRCC's French (or an editor's) first; nothing for a program with no French name here.
    assert rounds["391"]["eligible_programs_fr"] == "Programme des candidats des provinces (PCP)"
    assert rounds["389"]["eligible_programs_fr"] == ""
    # The English API has the same fields.
    assert (
        client.get("/api/draws/392/").json()["eligible_programs_fr"]
        == (french["eligible_programs_fr"])
    )


def test_the_exports_and_the_api_give_irccs_french_names_or_the_streams(client, history):
    Draw.objects.filter(number=389).update(
        round_name="Canadian Experience Class (test)",
        round_name_fr="Catégorie de l'expérience canadienne (essai)",
    )

    rows = {row["number"]: row for row in csv_rows(client.get("/draws/export.csv?stream=cec"))}
    api = client.get("/fr/api/rondes/392/").json()

    assert rows["389"]["round_name_fr"] == "Catégorie de l'expérience canadienne (essai)"
    # No French name from IRCC for #392: the stream's.
    assert rows["392"]["round_name_fr"] == rows["392"]["stream_name_fr"] != ""
    assert api["round_name_fr"] == rows["392"]["round_name_fr"]
    assert api["stream"]["name_fr"] == rows["392"]["stream_name_fr"]
    assert api["stream"]["short_name_fr"]
    assert "stream_name_fr" not in api  # nested in the stream, as stream_name is


def test_the_api_docs_explain_the_french_columns_in_both_languages(client, history):
    english = client.get("/api/").content.decode()
    french = client.get("/fr/api/").content.decode()
    assert "The eligible programs in French, with IRCC's French names" in english
    assert "Les programmes admissibles en français, avec les noms français d'IRCC" in french
    assert "IRCC's French name for the round, from its French feed" in english
    assert "Le nom français qu'IRCC donne à la ronde" in french
