"""The editors' sign-in: one answer for every failure, the code field, and the pause's end."""

import datetime as dt
import math
import re

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
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


def start_of_minute(moment):
    return moment.replace(second=0, microsecond=0)


def move_failures_back(by):
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - by)


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


class TestPause:
    def lock_out(self, client, username="editor"):
        for _ in range(5):
            last = sign_in(client, "wrong-password", username=username)
        assert last.status_code == 429
        return last

    def test_the_pause_page_says_when_sign_in_opens_again(self, client, editor):
        fifth = self.lock_out(client)

        failed_at = AccessAttempt.objects.get(username="editor").attempt_time
        ends = failed_at + dt.timedelta(minutes=30)
        # Rounded up to the minute, so the time shown is never before the real end.
        shown = dt.datetime.fromtimestamp(math.ceil(ends.timestamp() / 60) * 60, dt.UTC)
        assert f"Sign-in opens again at {shown:%H:%M} UTC, in 30 minutes." in fifth.content.decode()

    def test_tries_during_the_pause_do_not_make_it_longer(self, client, editor):
        self.lock_out(client)
        # Ten minutes into the pause, on a whole minute so the page's wait is exactly 20.
        failed_at = start_of_minute(timezone.now() - dt.timedelta(minutes=10))
        AccessAttempt.objects.update(attempt_time=failed_at)

        assert sign_in(client, "wrong-password").status_code == 429
        during = sign_in(client, "a-long-editor-password")
        assert during.status_code == 429
        attempt = AccessAttempt.objects.get(username="editor")
        assert attempt.attempt_time == failed_at
        assert attempt.failures_since_start == 5
        ends = failed_at + dt.timedelta(minutes=30)
        assert f"Sign-in opens again at {ends:%H:%M} UTC, in 20 minutes." in during.content.decode()
        assert "_auth_user_id" not in client.session

        # A minute after the end that the page gave, the right password works again.
        move_failures_back(dt.timedelta(minutes=21))
        assert sign_in(client, "a-long-editor-password").status_code == 302

    def test_the_pause_page_is_the_same_for_a_username_that_does_not_exist(self, client, editor):
        self.lock_out(client, username="editor")
        self.lock_out(client, username="nobody")
        AccessAttempt.objects.update(
            attempt_time=start_of_minute(timezone.now() - dt.timedelta(minutes=10))
        )

        real = sign_in(client, "a-long-editor-password", username="editor")
        unknown = sign_in(client, "a-long-editor-password", username="nobody")
        assert "Sign-in opens again at" in real.content.decode()
        assert without_csrf_token(unknown) == without_csrf_token(real)
