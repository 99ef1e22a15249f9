"""EMAIL_URL -> Django's mail settings: `smtp://user:password@host:587/?tls=true`.

Parsed here with urllib rather than with dj-email-url: that package's last release dates
from September 2022, and the site needs only three forms (smtp, smtps, console), which fit
in these few lines with nothing more to keep up to date. Read by settings.py, so no Django here.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class MailSettings:
    backend: str = CONSOLE_BACKEND
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False


def parse(url):
    """MailSettings for `url`; the console when it is empty. ValueError for anything else."""
    url = url.strip()
    if not url or url in {"console:", "console://"}:
        return MailSettings()
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ValueError(f"EMAIL_URL must start with smtp://, smtps:// or console:, not {url!r}")
    if not parts.hostname:
        raise ValueError("EMAIL_URL names no host, as in smtp://user:password@host:587/")
    query = {name: values[-1].lower() for name, values in parse_qs(parts.query).items()}
    use_ssl = parts.scheme == "smtps" or query.get("ssl") in TRUE
    use_tls = query.get("tls") in TRUE
    if use_ssl and use_tls:
        raise ValueError("EMAIL_URL asks for both SSL and STARTTLS (tls=true): choose one")
    return MailSettings(
        backend=SMTP_BACKEND,
        host=parts.hostname,
        port=parts.port or (465 if use_ssl else 587 if use_tls else 25),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=use_tls,
        use_ssl=use_ssl,
    )
