import threading

import pytest

from tests.sync.feeds import FeedServer


@pytest.fixture
def server(settings):
    settings.IRCC_FEED_TIMEOUT = 1
    settings.IRCC_FEED_MAX_BYTES = 2 * 1024 * 1024
    feed_server = FeedServer()
    thread = threading.Thread(target=feed_server.serve_forever, daemon=True)
    thread.start()
    yield feed_server
    feed_server.closing.set()
    feed_server.shutdown()
    feed_server.server_close()
