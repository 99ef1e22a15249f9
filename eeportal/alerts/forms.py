"""The alerts' forms: subscribing, and changing one's choices from an email's link."""

from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eeportal.forms import WholeNumberInput
from eeportal.scores.crs import CRS_MAX

EMAIL_MAX_LENGTH = 254  # RFC 5321's longest usable address


class ChoicesForm(forms.Form):
    """Which rounds to hear of: streams (none ticked: every round) and an optional score."""

    stream = forms.MultipleChoiceField(
        label=gettext_lazy("Streams"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave every box empty to hear of every round."),
        error_messages={"invalid_choice": gettext_lazy("There is no stream called %(value)s.")},
        template_name="scores/_stream_field.html",
    )
    score = forms.IntegerField(
        label=gettext_lazy("Your CRS score (optional)"),
        required=False,
        min_value=0,
        max_value=CRS_MAX,
        help_text=gettext_lazy("Only tell me of rounds whose minimum CRS score is at or below it."),
        error_messages={
            "invalid": gettext_lazy("Enter the score as a whole number, such as 478."),
            # min_value and max_value: in __init__, where the figure is written in the
            # page's language.
        },
        widget=WholeNumberInput(),
    )

    def __init__(self, data=None, *, streams, initial=None):
        super().__init__(data, initial=initial)
        self.streams = {stream.slug: stream for stream in streams}
        self.fields["stream"].choices = [
            (slug, s.translated("name")) for slug, s in self.streams.items()
        ]
        out_of_range = _("CRS scores run from 0 to %(max)s.") % {"max": intcomma(CRS_MAX)}
        self.fields["score"].error_messages.update(min_value=out_of_range, max_value=out_of_range)

    def clean_stream(self):
        return [self.streams[slug] for slug in dict.fromkeys(self.cleaned_data["stream"])]


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": gettext_lazy("Enter your email address."),
            "invalid": gettext_lazy("Enter an email address such as name@example.com."),
            "max_length": gettext_lazy("An email address has at most %(limit_value)d characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A honeypot: hidden from people (site.css) and from screen readers, filled by bots
    # that fill every field. A form that fills it is answered as if it had worked.
    website = forms.CharField(
        label=gettext_lazy("Leave this empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "class": "alerts-trap-input"}
        ),
    )

    field_order = ["email", "stream", "score", "website"]

    def is_bot(self):
        return bool(self.cleaned_data.get("website"))
