"""The icons browsers and feed readers ask for at fixed addresses, whatever a page links."""

import io

import pytest
from django.utils.cache import get_max_age
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_an_icon_browsers_may_keep(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert "public" in response["Cache-Control"]
    assert get_max_age(response) >= 60 * 60
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32)} <= icon.info["sizes"]


def test_apple_touch_icon_is_a_180_pixel_opaque_png(client):
    response = client.get("/apple-touch-icon.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    assert get_max_age(response) >= 60 * 60
    icon = Image.open(io.BytesIO(response.content))
    assert (icon.format, icon.size) == ("PNG", (180, 180))
    # iOS shows transparent pixels as black: the icon has none.
    assert icon.mode == "RGB"


@pytest.mark.parametrize("address", ["/favicon.ico", "/apple-touch-icon.png"])
def test_icons_answer_head_and_refuse_posts(client, address):
    assert client.head(address).status_code == 200
    assert client.post(address).status_code == 405
