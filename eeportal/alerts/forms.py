"""The alerts' forms: subscribing, and changing one's choices from an email's link."""

from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma

from eeportal.scores.crs import CRS_MAX

EMAIL_MAX_LENGTH = 254  # RFC 5321's longest usable address


class ChoicesForm(forms.Form):
    """Which rounds to hear of: streams (none ticked: every round) and an optional score."""

    stream = forms.MultipleChoiceField(
        label="Streams",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave every box empty to hear of every round.",
        error_messages={"invalid_choice": "There is no stream called %(value)s."},
        template_name="scores/_stream_field.html",
    )
    score = forms.IntegerField(
        label="Your CRS score (optional)",
        required=False,
        min_value=0,
        max_value=CRS_MAX,
        help_text="Only tell me of rounds whose minimum CRS score is at or below it.",
        error_messages={
            "invalid": "Enter the score as a whole number, such as 478.",
            "min_value": f"CRS scores run from 0 to {intcomma(CRS_MAX)}.",
            "max_value": f"CRS scores run from 0 to {intcomma(CRS_MAX)}.",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, data=None, *, streams, initial=None):
        super().__init__(data, initial=initial)
        self.streams = {stream.slug: stream for stream in streams}
        self.fields["stream"].choices = [(slug, s.name) for slug, s in self.streams.items()]

    def clean_stream(self):
        return [self.streams[slug] for slug in dict.fromkeys(self.cleaned_data["stream"])]


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(
        label="Your email address",
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address such as name@example.com.",
            "max_length": f"An email address has at most {EMAIL_MAX_LENGTH} characters.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A honeypot: hidden from people (site.css) and from screen readers, filled by bots
    # that fill every field. A form that fills it is answered as if it had worked.
    website = forms.CharField(
        label="Leave this empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "class": "alerts-trap-input"}
        ),
    )

    field_order = ["email", "stream", "score", "website"]

    def is_bot(self):
        return bool(self.cleaned_data.get("website"))
