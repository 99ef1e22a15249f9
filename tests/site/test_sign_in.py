"""The editors' sign-in: one answer for every failure, and the code field."""

import re

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")
ONE_FAILURE_MESSAGE = "The username, password or code is not right. Check them and try again."


def sign_in(client, password, username="editor", **extra):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, **extra},
        REMOTE_ADDR="203.0.113.7",
    )


def without_csrf_token(response):
    """The page as a person reads it: only the CSRF token differs from one request to the next."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


class TestTwoFactorSignIn:
    @pytest.fixture(autouse=True)
    def require_otp(self, settings):
        settings.ADMIN_REQUIRE_OTP = True

    @pytest.fixture
    def device(self, editor):
        return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)

    def wrong_code(self, device):
        right = totp(device.bin_key, step=device.step, digits=device.digits)
        return f"{(right + 1) % 1_000_000:06d}"

    def test_a_wrong_password_and_a_wrong_code_get_the_same_page(self, client, device):
        code = self.wrong_code(device)
        wrong_password = sign_in(client, "wrong-password", otp_token=code)
        wrong_code = sign_in(client, "a-long-editor-password", otp_token=code)

        assert wrong_password.status_code == wrong_code.status_code == 200
        assert ONE_FAILURE_MESSAGE in wrong_password.content.decode()
        assert without_csrf_token(wrong_code) == without_csrf_token(wrong_password)
        assert 'name="otp_device"' not in wrong_code.content.decode()
        assert "a-long-editor-password" not in wrong_code.content.decode()

    def test_a_wrong_password_and_a_missing_code_get_the_same_page(self, client, device):
        wrong_password = sign_in(client, "wrong-password", otp_token="")
        no_code = sign_in(client, "a-long-editor-password", otp_token="")

        assert ONE_FAILURE_MESSAGE in no_code.content.decode()
        assert without_csrf_token(no_code) == without_csrf_token(wrong_password)

    def test_wrong_and_missing_codes_count_towards_the_pause(self, client, device):
        sign_in(client, "wrong-password", otp_token="123456")
        sign_in(client, "a-long-editor-password", otp_token=self.wrong_code(device))
        sign_in(client, "a-long-editor-password", otp_token="")
        sign_in(client, "a-long-editor-password", otp_token=self.wrong_code(device))
        assert AccessAttempt.objects.get(username="editor").failures_since_start == 4

        fifth = sign_in(client, "a-long-editor-password", otp_token="")
        assert fifth.status_code == 429
        assert "Sign-in paused" in fifth.content.decode()

    def test_the_code_field_says_where_the_code_comes_from(self, client, device):
        page = client.get(LOGIN_URL).content.decode()
        assert '<label for="id_otp_token"' in page
        assert "6-digit code from your authenticator app:</label>" in page
        code_field = re.search(r'<input [^>]*name="otp_token"[^>]*>', page).group(0)
        assert 'autocomplete="one-time-code"' in code_field
        assert 'inputmode="numeric"' in code_field
        assert "OTP Token" not in page
