"""The editors' admin site: django-otp's two-factor sign-in, switchable for development.

ADMIN_REQUIRE_OTP is read on each request rather than once at start-up, so one site class
serves production (TOTP required) and local development (password only), and tests can
exercise both.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.plugins.otp_totp.models import TOTPDevice


class EditorsLoginForm(OTPAdminAuthenticationForm):
    """Username, password and the authenticator's code on one screen.

    django-otp asks the user to pick a device first; editors have exactly one (issued by
    `manage.py add_totp_device`), so it is picked for them and one submit signs in.
    """

    def _chosen_device(self, user):
        chosen = super()._chosen_device(user)
        if chosen is None:
            devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True)[:2])
            if len(devices) == 1:
                chosen = devices[0]
        return chosen


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
            self.login_template = OTPAdminSite.login_template
        else:
            self.login_form, self.login_template = AdminAuthenticationForm, None
        return super().login(request, extra_context)
