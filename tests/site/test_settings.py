"""Start-up rules that come from the environment, checked in a fresh process."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from tests.factories import PROJECT


def start_site(code="import eeportal.wsgi", **env):
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "eeportal.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = start_site()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_the_site_starts_with_a_real_secret_key():
    result = start_site(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_the_site_starts_in_debug_without_a_secret_key():
    result = start_site(DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_a_developer_sees_each_404_once_and_no_lockout_banner(tmp_path):
    # As under `make run`: debug on, plain log lines on the console.
    visit = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "from django.test import Client\n"
        "call_command('migrate', verbosity=0)\n"
        "assert Client().get('/no-such-page/').status_code == 404\n"
    )
    result = start_site(
        visit,
        DJANGO_DEBUG="true",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path}/site.sqlite3",
    )
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert output.count("Not Found: /no-such-page/") == 1, output
    assert "AXES" not in output


@pytest.mark.django_db
def test_create_editor_makes_a_staff_user_in_the_editors_group():
    call_command("create_editor", "amira", "--email", "amira@example.org", "--no-input")
    user = User.objects.get(username="amira")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert user.has_perm("draws.add_draw")
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_editor", "amira", "--no-input")


@pytest.mark.django_db
def test_production_static_files_get_hashed_compressed_names(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    hashed = [p.name for p in tmp_path.glob("css/site.*.css")]
    assert len(hashed) == 1
    assert (tmp_path / "css" / f"{hashed[0]}.gz").exists()
    assert f"/static/css/{hashed[0]}" in client.get("/about/").content.decode()
