"""The editors' admin site: django-otp's two-factor sign-in, switchable for development.

ADMIN_REQUIRE_OTP is read on each request rather than once at start-up, so one site class
serves production (TOTP required) and local development (password only), and tests can
exercise both.

A failed sign-in must not tell someone guessing which part was wrong: a wrong password, a
wrong code and a missing code get the same message and the same page, and each counts
towards django-axes' lockout. The lockout page (AXES_LOCKOUT_CALLABLE) says when sign-in
opens again.
"""

import datetime as dt
import math

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.db.models import Max
from django.shortcuts import render
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.plugins.otp_totp.models import TOTPDevice


class EditorsLoginForm(OTPAdminAuthenticationForm):
    """Username, password and the authenticator's code on one screen.

    django-otp asks the user to pick a device first; editors have exactly one (issued by
    `manage.py add_totp_device`), so it is picked for them and one submit signs in.
    """

    error_messages = {
        **OTPAdminAuthenticationForm.error_messages,
        "invalid_login": "The username, password or code is not right. Check them and try again.",
    }

    otp_token = forms.CharField(
        label="6-digit code from your authenticator app",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_otp(self, user):
        # django-otp's own messages (no code, a wrong code, verification throttled) are only
        # ever shown after a right password, so each becomes the wrong-password message. Django
        # reports no failure to django-axes here, the password being right, so this does.
        try:
            super().clean_otp(user)
        except forms.ValidationError:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            raise self.get_invalid_login_error() from None

    def _chosen_device(self, user):
        chosen = super()._chosen_device(user)
        if chosen is None:
            devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True)[:2])
            if len(devices) == 1:
                chosen = devices[0]
        return chosen

    def _update_form(self, user):
        # django-otp refills the password and lists the user's devices once the password was
        # right but the code was not: the page itself would confirm a guessed password.
        pass


class RecordAdmin(admin.ModelAdmin):
    """A record the site keeps for itself (the admin log, the sync's runs): read, never
    added, changed or deleted by hand."""

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class EditorsAdminSite(OTPAdminSite):
    site_header = "Express Entry rounds: editors"
    site_title = "Express Entry rounds admin"
    index_title = "Rounds, streams and guides"

    def __init__(self, name="admin"):
        # Keep the "admin" URL namespace that templates and tests reverse.
        super().__init__(name)

    def has_permission(self, request):
        if settings.ADMIN_REQUIRE_OTP:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)

    def login(self, request, extra_context=None):
        if settings.ADMIN_REQUIRE_OTP:
            self.login_form = EditorsLoginForm
            self.login_template = "admin/login_with_code.html"
        else:
            self.login_form, self.login_template = AdminAuthenticationForm, None
        return super().login(request, extra_context)


def sign_in_opens_at(request, credentials):
    """When the pause ends: the latest failure counted for this sign-in, plus the cool-off.

    With AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT off, tries during the pause are not
    recorded, so this time does not move. django-axes counts failures for any username typed,
    so the answer is the same whether or not the account exists.
    """
    handler = AxesProxyHandler.get_implementation()
    latest_failures = [
        attempts.aggregate(latest=Max("attempt_time"))["latest"]
        for attempts in handler.get_user_attempts(request, credentials)
    ]
    # None only if the failures were cleared between the lockout and this page.
    latest = max((time for time in latest_failures if time is not None), default=None)
    return (latest or request.axes_attempt_time) + get_cool_off(request)


def locked_out(request, original_response, credentials):
    """The page django-axes answers with during a pause, saying when sign-in opens again."""
    opens_at = sign_in_opens_at(request, credentials)
    minute = dt.timedelta(minutes=1)
    # Both rounded up, so neither the clock time nor the wait is ever earlier than the end.
    minutes_left = math.ceil((opens_at - request.axes_attempt_time) / minute)
    shown_opens_at = opens_at.replace(second=0, microsecond=0)
    if shown_opens_at < opens_at:
        shown_opens_at += minute
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "opens_at": shown_opens_at,
        "minutes_left": minutes_left,
    }
    return render(
        request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
