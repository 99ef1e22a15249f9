"""A database made before the content version changed apps migrates forward intact.

Up to OLD_CODE the draws app owned ContentVersion; draws 0007 and pagecache 0001 hand it
to eeportal.pagecache in Django's model state and rename its table, without copying a row.
A migration like that is only proven on a database the old code made, so the old code
itself makes one: OLD_CODE is checked out in a git worktree of its own and, like an
operator's site, migrates, imports the real round history, and gets an editor and an
entry in the admin's history. Then this checkout migrates the same file.

The database is always a SQLite file, even when the suite runs on PostgreSQL (.ci/run's
second pass sets DATABASE_URL): the old checkout needs a database of its own from empty,
and the suite's PostgreSQL database is pytest-django's. So PostgreSQL's table rename is
not exercised here.
"""

import contextlib
import hashlib
import json
import sqlite3
import subprocess
from typing import NamedTuple

import pytest

from scripts.appserver import site_environment
from tests.servers import PROJECT, manage

# The last commit whose draws app owns ContentVersion (table draws_contentversion).
OLD_CODE = "c8067ab1faf4f541eca55c5fa02831ae2fb3b5e6"

EDITOR = "amira"
EDITOR_PASSWORD = "a-long-editor-password"

# Rows that must come through the migration exactly as the old code wrote them: rounds
# (Draw), their pool bands, streams and round names, guides, editors and their groups,
# the admin's history.
KEPT_TABLES = [
    "draws_stream",
    "draws_roundname",
    "draws_draw",
    "draws_poolband",
    "draws_guide",
    "auth_user",
    "auth_group",
    "auth_user_groups",
    "django_admin_log",
]
# New apps add their own rows here (pagecache's and sync's content types and permissions,
# and the Editors' right to see the sync's runs); every row the old code wrote must still
# be there, with the same id, or the rows that point at them (group permissions, log
# entries) would point at something else.
GROWING_TABLES = ["django_content_type", "auth_permission", "auth_group_permissions"]

# Run by the old code's `manage.py shell`: an editor who changed round 123 in the admin.
# Written with the ORM calls the old code has, not imported from this checkout.
OLD_EDITOR_AND_HISTORY = f"""
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from draws.models import Draw

editor = User.objects.create_user({EDITOR!r}, "amira@example.org", {EDITOR_PASSWORD!r})
editor.is_staff = True
editor.save()
editor.groups.add(Group.objects.get(name="Editors"))
draw = Draw.objects.get(number=123, suffix="")
LogEntry.objects.create(
    user=editor,
    content_type=ContentType.objects.get_for_model(Draw),
    object_id=str(draw.pk),
    object_repr=str(draw),
    action_flag=CHANGE,
    change_message="Changed notes.",
)
"""

# Run by this checkout's `manage.py shell` after the migration: the same rows, read
# through today's models.
CURRENT_CODE_READS = f"""
import json
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from draws.models import Draw, Guide
from eeportal.pagecache.models import ContentVersion

entry = LogEntry.objects.get()
editor = User.objects.get(username={EDITOR!r})
print(json.dumps({{
    "edited_round": entry.get_edited_object().label,
    "history_by": entry.user.username,
    "editor_groups": list(editor.groups.values_list("name", flat=True)),
    "editor_signs_in": editor.check_password({EDITOR_PASSWORD!r}),
    "editor_can_change_rounds": editor.has_perm("draws.change_draw"),
    "published_rounds": Draw.objects.published().count(),
    "guides": sorted(Guide.objects.values_list("slug", flat=True)),
    "content_version": ContentVersion.read()[0],
}}))
"""


def query(database, sql):
    # Read with SQLite itself, not the ORM: the old code's models and today's disagree
    # about where ContentVersion lives, and this compares what is on disk.
    with contextlib.closing(sqlite3.connect(database)) as connection:
        return connection.execute(sql).fetchall()


def table_names(database):
    tables = query(database, "SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in tables}


def columns(database, table):
    return [row[1] for row in query(database, f'PRAGMA table_info("{table}")')]


def rows(database, table, column_names):
    """Every row of `table`, only `column_names`, in id order: a later migration may add
    a column, but must not change what the old code wrote."""
    selected = ", ".join(f'"{name}"' for name in column_names)
    return query(database, f'SELECT {selected} FROM "{table}" ORDER BY 1')


def fingerprint(table_rows):
    """(count, digest) of a table's rows: short enough to read in a failure."""
    return len(table_rows), hashlib.sha256(repr(table_rows).encode()).hexdigest()[:16]


class Written(NamedTuple):
    columns: list
    rows: list


def snapshot(database):
    """What the old code wrote, table by table."""
    written = {}
    for table in [*KEPT_TABLES, *GROWING_TABLES, "draws_contentversion"]:
        column_names = columns(database, table)
        written[table] = Written(column_names, rows(database, table, column_names))
    return written


def version_number(before):
    """The content version's number when the old code was done."""
    written = before["draws_contentversion"]
    (row,) = written.rows
    return row[written.columns.index("number")]


def now_in(database, before, table):
    """The rows of `table` now, in the columns the old code wrote."""
    return rows(database, table, before[table].columns)


@pytest.fixture(scope="module")
def old_checkout(tmp_path_factory):
    """OLD_CODE in a git worktree, removed afterwards."""
    found = subprocess.run(
        ["git", "cat-file", "-e", f"{OLD_CODE}^{{commit}}"], cwd=PROJECT, capture_output=True
    )
    if found.returncode != 0:
        pytest.fail(
            f"This test builds a database with commit {OLD_CODE}, which this clone does not "
            "have (a shallow clone?). Fetch the history: git fetch --unshallow"
        )
    checkout = tmp_path_factory.mktemp("old-code") / "checkout"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(checkout), OLD_CODE],
        cwd=PROJECT,
        check=True,
        capture_output=True,
    )
    try:
        yield checkout
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(checkout)],
            cwd=PROJECT,
            check=True,
            capture_output=True,
        )


@pytest.fixture(scope="module")
def migration(old_checkout, tmp_path_factory):
    """The old code's database after this checkout migrated it: the file, the environment
    that reaches it, and what the old code had written."""
    database = tmp_path_factory.mktemp("database") / "old.sqlite3"
    env = site_environment(DATABASE_URL=f"sqlite:///{database}", DJANGO_DEBUG="true")
    manage(env, "migrate", "--noinput", "--verbosity=0", cwd=old_checkout)
    manage(env, "import_rounds", "data/ircc-ee-rounds-123-en.json", cwd=old_checkout)
    manage(env, "shell", "-c", OLD_EDITOR_AND_HISTORY, cwd=old_checkout)
    made_by_old_code = table_names(database)
    before = snapshot(database)

    manage(env, "migrate", "--noinput", "--verbosity=0")
    return {"database": database, "env": env, "old_tables": made_by_old_code, "before": before}


def test_the_old_code_made_a_database_from_before_the_move(migration):
    # Otherwise OLD_CODE names the wrong commit and nothing below tests the move.
    assert "draws_contentversion" in migration["old_tables"]
    assert "pagecache_contentversion" not in migration["old_tables"]
    before = migration["before"]
    assert len(before["draws_draw"].rows) > 400
    assert len(before["draws_poolband"].rows) > 1000
    assert len(before["draws_guide"].rows) == 4
    assert len(before["auth_user"].rows) == len(before["django_admin_log"].rows) == 1
    assert version_number(before) > 1, "importing rounds moves the version"


# What draws' migrations change on purpose in the guides' text: six claims (0012), the
# proposed merger of the programs (0016).
CORRECTED_GUIDE_COLUMNS = {"body", "updated_at"}


def without_corrected_columns(written, rows_now=None):
    keep = [i for i, name in enumerate(written.columns) if name not in CORRECTED_GUIDE_COLUMNS]
    return [tuple(row[i] for i in keep) for row in (rows_now or written.rows)]


# Rows later migrations add beside the old code's, which stay as they were: the researchers
# category of 2026 and its round name (draws 0015), the guide to what an application needs
# (draws 0016).
ADDED_ROWS = {"draws_stream": 1, "draws_roundname": 1, "draws_guide": 1}


def old_rows_now(database, before, table):
    """The rows of `table` that the old code wrote (by id), as they are now."""
    ids = {row[0] for row in before[table].rows}
    return [row for row in now_in(database, before, table) if row[0] in ids]


def test_every_round_band_guide_editor_group_and_history_entry_is_unchanged(migration):
    database, before = migration["database"], migration["before"]
    changed = {
        table: (fingerprint(before[table].rows), fingerprint(old_rows_now(database, before, table)))
        for table in KEPT_TABLES
        if table != "draws_guide" and old_rows_now(database, before, table) != before[table].rows
    }
    assert not changed, f"(rows, digest) before and after the migration: {changed}"
    for table in KEPT_TABLES:
        added = len(now_in(database, before, table)) - len(before[table].rows)
        assert added == ADDED_ROWS.get(table, 0), table
    guides = before["draws_guide"]
    # Their review dates among them: no migration moves "last reviewed".
    assert without_corrected_columns(guides, old_rows_now(database, before, "draws_guide")) == (
        without_corrected_columns(guides)
    )


def test_the_guides_come_through_with_their_claims_corrected(migration):
    database, before = migration["database"], migration["before"]
    bodies = {
        row[before["draws_guide"].columns.index("slug")]: row[
            before["draws_guide"].columns.index("body")
        ]
        for row in now_in(database, before, "draws_guide")
    }
    assert "all of its essential duties" in bodies["fsw"]
    assert "entry-to-practice professional degree" in bodies["crs"]


def test_content_types_and_permissions_the_old_code_made_keep_their_ids(migration):
    database, before = migration["database"], migration["before"]
    for table in GROWING_TABLES:
        lost = set(before[table].rows) - set(now_in(database, before, table))
        assert not lost, f"rows of {table} lost or changed: {sorted(lost)}"


def test_the_content_version_row_moves_to_the_page_cache_table(migration):
    database, old_version = migration["database"], migration["before"]["draws_contentversion"]
    assert "draws_contentversion" not in table_names(database)
    number = old_version.columns.index("number")
    (moved,) = rows(database, "pagecache_contentversion", old_version.columns)
    # One more: correcting the guides' claims retires every cached page.
    assert moved[number] == version_number(migration["before"]) + 1


def test_the_current_code_reads_what_the_old_code_wrote(migration):
    before = migration["before"]
    read = json.loads(manage(migration["env"], "shell", "--no-imports", "-c", CURRENT_CODE_READS))
    assert read == {
        "edited_round": "123",
        "history_by": EDITOR,
        "editor_groups": ["Editors"],
        "editor_signs_in": True,
        "editor_can_change_rounds": True,
        "published_rounds": len(before["draws_draw"].rows),
        "guides": ["applying", "cec", "crs", "fst", "fsw"],
        "content_version": version_number(before) + 1,  # the guides' corrections
    }


def test_no_migration_is_left_to_apply(migration):
    manage(migration["env"], "migrate", "--check")
    plan = manage(migration["env"], "showmigrations", "--plan")
    assert "[X]" in plan
    assert "[ ]" not in plan, plan
