"""Give a staff account its authenticator-app key for two-factor sign-in to the admin."""

from base64 import b32encode

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a TOTP device for a staff user and print the key and a QR code to scan "
        "with an authenticator app. With --replace, the user's old devices stop working."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--replace", action="store_true", help="Delete existing devices.")
        parser.add_argument("--no-qr", action="store_true", help="Print the key only.")

    def handle(self, *args, username, replace, no_qr, **options):
        user = get_user_model().objects.filter(username=username, is_staff=True).first()
        if user is None:
            raise CommandError(f"No staff user named {username!r}.")
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=None)
        if devices.exists() and not replace:
            raise CommandError(
                f"{username!r} already has an authenticator; use --replace to issue a new one."
            )
        devices.delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        self.stdout.write(f"Key for {username} (enter it in the authenticator app by hand):")
        self.stdout.write(self.style.SUCCESS(device_key(device)))
        if not no_qr:
            self.stdout.write("Or scan:")
            segno.make(device.config_url, error="m").terminal(out=self.stdout, compact=True)
        self.stdout.write("Sign-in now asks for the 6-digit code the app shows.")


def device_key(device):
    """The device's secret as the base32 text authenticator apps accept."""
    return b32encode(device.bin_key).decode().rstrip("=")
