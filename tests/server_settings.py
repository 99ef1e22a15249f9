"""eeportal.settings exactly as production reads them, with collected static files in a
scratch directory, so the real app servers of test_outage.py never read or rewrite the
project's own staticfiles/."""

import os

from eeportal.settings import *  # noqa: F403

STATIC_ROOT = os.environ["EEPORTAL_TEST_STATIC_ROOT"]
