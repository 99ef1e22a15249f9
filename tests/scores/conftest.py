import pytest
from django.utils import timezone


class Today:
    """`timezone.localdate()` as the score tools read it, on a day the test chooses."""

    def __init__(self, real):
        self.real = real
        self.day = real()

    def __call__(self, value=None, timezone=None):
        if value is not None or timezone is not None:
            return self.real(value, timezone)
        return self.day

    def move_to(self, day):
        self.day = day


@pytest.fixture
def today(monkeypatch):
    """Moves the day the calculator takes as today (the rules in force, the last 12 months)."""
    clock = Today(timezone.localdate)
    monkeypatch.setattr(timezone, "localdate", clock)
    return clock
