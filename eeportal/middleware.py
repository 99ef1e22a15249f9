"""A friendly 503 when the database cannot be reached, instead of a 500 with a trace."""

import logging
import sqlite3

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import JsonResponse
from django.template.response import TemplateResponse

from eeportal.views import is_data_request

logger = logging.getLogger("eeportal.database")

RETRY_AFTER_SECONDS = 30
# PostgreSQL's "read_only_sql_transaction": a write reached a read-only database.
READ_ONLY_SQLSTATE = "25006"


def database_unavailable(request):
    if is_data_request(request):
        response = JsonResponse(
            {"error": "The database is unavailable; try again shortly."}, status=503
        )
    else:
        # Without the header's guide menu: reading it would wait out another connection
        # timeout on a database that has just failed to answer.
        response = TemplateResponse(
            request, "503.html", {"guide_menu": [], "feed_check": None}, status=503
        ).render()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


# SQLite's own words for a database file that cannot be reached or written, as opposed to
# a query that is wrong ("no such table", "no such column"), which must stay a 500.
SQLITE_OUTAGE_MESSAGES = (
    "unable to open database file",
    "disk i/o error",
    "database is locked",
    "attempt to write a readonly database",
    "database disk image is malformed",
)


def is_outage(error):
    """Connection failures and a database that cannot take reads, not bugs in a query."""
    if isinstance(error.__cause__, sqlite3.Error):
        return str(error).lower().startswith(SQLITE_OUTAGE_MESSAGES)
    if isinstance(error, InterfaceError | OperationalError):
        return True
    # A write to a read-only PostgreSQL (a replica, or maintenance) is an InternalError;
    # it means "try again later" too. SQLite reports it as an OperationalError.
    return getattr(error.__cause__, "sqlstate", None) == READ_ONLY_SQLSTATE


def answer_outage(request, error):
    """Log why, and answer 503: for a request the database could not serve."""
    message = str(error).strip()
    logger.error(
        "Database unavailable, answering 503 for %s: %s: %s",
        request.path,
        type(error).__name__,
        message.splitlines()[0] if message else "",
    )
    return database_unavailable(request)


class DatabaseUnavailableMiddleware:
    """Answers 503 with Retry-After while the database is down; recovers by itself.

    Django reconnects on the next request once the database is back (connections are
    health-checked), so there is no state to reset here. Views' errors arrive through
    process_exception; the page cache, which reads the database before any view runs,
    answers its own (draws.middleware).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError) and is_outage(exception):
            return answer_outage(request, exception)
        return None
