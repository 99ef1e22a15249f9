"""Production hardening: deploy checks, headers, cookies, admin sign-in, security.txt, Markdown."""

import base64
import datetime as dt
import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from draws.models import Guide
from eeportal.security import client_ip
from tests.factories import ADD_URL, PROJECT, round_form

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")
PUBLIC_PAGES = [
    "/",
    "/draws/",
    "/draws/?stream=cec",
    "/draws/392/",
    "/streams/",
    "/streams/cec/",
    "/programs/cec/",
    "/about/",
    "/api/",
    "/draws/nope/",  # the 404 page
    "/draws/?year=abc",  # the 400 page
]


def production_environment(**extra):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="eerounds.example",
        **extra,
    )
    return env


def test_production_settings_pass_check_deploy_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_notices_a_missing_https_redirect():
    # The same check, so the test above would fail if a setting regressed.
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=production_environment(DJANGO_SECURE_SSL_REDIRECT="false"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


class TestHeaders:
    @pytest.mark.parametrize(
        "url", ["/", "/draws/392/", "/api/draws/", "/draws/392/card.png", "/draws/nope/"]
    )
    def test_every_response_carries_the_security_headers(self, client, history, url):
        response = client.get(url, secure=True)
        csp = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
        assert directives["default-src"] == "'none'"
        assert directives["script-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert response["Strict-Transport-Security"] == (
            "max-age=63072000; includeSubDomains; preload"
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]

    def test_plain_http_is_redirected_to_https(self, client, settings, history):
        settings.SECURE_SSL_REDIRECT = True
        response = client.get("/draws/392/")
        assert response.status_code == 301
        assert response["Location"] == "https://testserver/draws/392/"
        # Behind the proxy, X-Forwarded-Proto says the visitor used HTTPS.
        proxied = client.get("/draws/392/", headers={"x-forwarded-proto": "https"})
        assert proxied.status_code == 200

    def test_health_check_answers_plain_http(self, client, settings):
        settings.SECURE_SSL_REDIRECT = True
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
        assert "no-store" in response["Cache-Control"]


class InlineCodeFinder(HTMLParser):
    """Everything a CSP without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in attrs:
            self.problems.append(f"style attribute on <{tag}>")
        self.problems += [f"{name} on <{tag}>" for name in attrs if name.startswith("on")]
        for name in ("href", "src", "action"):
            if (attrs.get(name) or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: {name} on <{tag}>")


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_pages_have_no_inline_script_or_style(client, history, url):
    finder = InlineCodeFinder()
    finder.feed(client.get(url).content.decode())
    assert finder.problems == []


class TestCookies:
    def test_admin_cookies_are_secure_httponly_and_same_site(self, client, editor):
        response = client.get(LOGIN_URL, secure=True)
        csrf = response.cookies["__Host-csrftoken"]
        assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Strict"
        assert csrf["path"] == "/"
        signed_in = client.post(
            LOGIN_URL,
            {"username": "editor", "password": "a-long-editor-password"},
            secure=True,
            headers={"referer": "https://testserver" + LOGIN_URL},
        )
        assert signed_in.status_code == 302
        session = signed_in.cookies["__Host-sessionid"]
        assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"

    @pytest.mark.parametrize("url", ["/", "/draws/392/", "/api/draws/"])
    def test_public_pages_set_no_cookies(self, client, history, url):
        assert not client.get(url).cookies


def sign_in(client, password, username="editor", **extra):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, **extra},
        REMOTE_ADDR="203.0.113.7",
    )


class TestLoginLockout:
    def test_repeated_failures_lock_the_account_out_for_a_while(self, client, editor):
        for _ in range(4):
            failed = sign_in(client, "wrong-password")
            assert failed.status_code == 200
            assert "correct username and password" in failed.content.decode()
        assert sign_in(client, "wrong-password").status_code == 429  # the fifth
        locked = sign_in(client, "a-long-editor-password")
        assert locked.status_code == 429
        assert "Sign-in paused" in locked.content.decode()
        assert "_auth_user_id" not in client.session

        # Once the cool-off has passed, the right password works again.
        AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(hours=1))
        assert sign_in(client, "a-long-editor-password").status_code == 302

    def test_the_lockout_is_per_address(self, client, editor):
        for _ in range(5):
            sign_in(client, "wrong-password")
        other_place = client.post(
            LOGIN_URL,
            {"username": "editor", "password": "a-long-editor-password"},
            REMOTE_ADDR="198.51.100.20",
        )
        assert other_place.status_code == 302

    def test_forwarded_addresses_are_trusted_only_from_known_proxies(self, rf, settings):
        request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
        settings.TRUSTED_PROXY_COUNT = 0
        assert client_ip(request) == "10.0.0.2"
        settings.TRUSTED_PROXY_COUNT = 1
        assert client_ip(request) == "203.0.113.7"  # not the forgeable 6.6.6.6
        settings.TRUSTED_PROXY_COUNT = 3
        assert client_ip(request) == "10.0.0.2"  # fewer entries than proxies: not trusted


class TestTwoFactor:
    @pytest.fixture(autouse=True)
    def require_otp(self, settings):
        settings.ADMIN_REQUIRE_OTP = True

    @pytest.fixture
    def device(self, editor):
        return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)

    def code(self, device):
        return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"

    def test_password_alone_is_not_enough(self, client, device):
        response = sign_in(client, "a-long-editor-password")
        assert response.status_code == 200
        assert 'name="otp_token"' in response.content.decode()
        assert client.get(reverse("admin:index")).status_code == 302

    def test_password_and_current_code_sign_in(self, client, device):
        response = sign_in(client, "a-long-editor-password", otp_token=self.code(device))
        assert response.status_code == 302, response.context["form"].errors
        assert client.get(reverse("admin:index")).status_code == 200

    def test_a_wrong_code_is_refused(self, client, device):
        wrong = f"{(int(self.code(device)) + 1) % 1_000_000:06d}"
        response = sign_in(client, "a-long-editor-password", otp_token=wrong)
        assert response.status_code == 200
        assert client.get(reverse("admin:index")).status_code == 302

    def test_a_session_without_a_verified_device_cannot_use_the_admin(self, client, editor):
        client.force_login(editor)
        assert client.get(reverse("admin:draws_draw_add")).status_code == 302

    def test_switched_off_for_development(self, client, editor, settings):
        settings.ADMIN_REQUIRE_OTP = False
        assert sign_in(client, "a-long-editor-password").status_code == 302
        assert client.get(reverse("admin:index")).status_code == 200

    def test_add_totp_device_command_prints_a_working_key(self, editor):
        out = StringIO()
        call_command("add_totp_device", "editor", "--no-qr", stdout=out)
        device = TOTPDevice.objects.get(user=editor)
        assert device.confirmed
        key = re.search(r"^([A-Z2-7]{32})$", out.getvalue(), re.MULTILINE).group(1)
        assert base64.b32decode(key) == device.bin_key


class TestAdminAudit:
    def test_editor_changes_are_logged_and_only_superusers_read_the_log(
        self, editor_client, editor, django_user_model
    ):
        assert editor_client.post(ADD_URL, round_form()).status_code == 302
        entry = LogEntry.objects.get()
        assert entry.user == editor
        assert entry.action_flag == ADDITION
        assert entry.object_repr == "Round #392"

        log_url = reverse("admin:admin_logentry_changelist")
        assert editor_client.get(log_url).status_code == 403

        superuser = django_user_model.objects.create_superuser("root", password="x" * 20)
        editor_client.force_login(superuser)
        page = editor_client.get(log_url).content.decode()
        assert "Round #392" in page
        # The record cannot be edited or erased, even by a superuser.
        assert editor_client.get(reverse("admin:admin_logentry_add")).status_code == 403
        delete = reverse("admin:admin_logentry_delete", args=[entry.pk])
        assert editor_client.post(delete, {"post": "yes"}).status_code == 403
        assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_security_txt(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"].startswith(("mailto:", "https://"))
    expires = dt.datetime.fromisoformat(fields["Expires"])
    assert timezone.now() < expires < timezone.now() + dt.timedelta(days=365)
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"


HOSTILE_MARKDOWN = """
Fine **text** and a [good link](https://www.canada.ca/).

<script>alert('body')</script>
<img src="x" onerror="alert('img')">
[click me](javascript:alert('link'))
<a href="JaVaScRiPt:alert('mixed')">mixed case</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>
<iframe src="https://evil.example"></iframe>
<style>body { display: none }</style>
<p style="position:fixed" onclick="alert('p')">styled</p>
<svg onload="alert('svg')"></svg>
<form action="https://evil.example"><input name="x"></form>
"""


def test_editor_markdown_cannot_inject_code(client, db):
    guide = Guide.objects.get(slug="cec")
    guide.body = HOSTILE_MARKDOWN
    guide.save()
    html = client.get(guide.get_absolute_url()).content.decode()
    article = html[html.index("<main") : html.index("</main>")]
    lowered = article.lower()
    for forbidden in (
        "<script",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "data:text",
        "<iframe",
        "<style",
        "style=",
        "<form",
        "<svg",
    ):
        assert forbidden not in lowered, forbidden
    assert "<strong>text</strong>" in article
    assert 'href="https://www.canada.ca/"' in article
