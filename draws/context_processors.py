"""The program guides every page's header links to."""

from django.db import DatabaseError
from django.utils.functional import SimpleLazyObject

from draws.models import Guide
from eeportal.middleware import is_outage


def read_guide_menu():
    try:
        return list(Guide.objects.for_menus())
    except DatabaseError as error:
        if not is_outage(error):
            raise
        # A page rendered while the database is away (a 404, say) goes without the menu.
        return []


def guide_menu(request):
    """Read only by pages that show the menu: feeds, the API and images never touch it."""
    return {"guide_menu": SimpleLazyObject(read_guide_menu)}
