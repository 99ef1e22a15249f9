"""The score tools' forms: the score checker and the CRS calculator.

Both are answered by GET, so their field names are part of links people bookmark and share:
keep them stable. The calculator asks IRCC's questions in IRCC's order and hands the answers
to `crs.calculate`; the points themselves live in `crs.py`, never here.
"""

from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from eeportal.forms import WholeNumberInput
from eeportal.i18n.dates import date_format
from eeportal.scores import crs
from eeportal.scores.crs import CRS_MAX
from eeportal.scores.language_scores import (
    SCALES,
    Ability,
    LanguageTest,
    OfficialLanguage,
    clb_for,
    describe_scale,
)


def lazy_format(message, **values):
    """`message` (a gettext_lazy string) with its named values put in when it is shown, in
    the page's language; a value that is a function is called then (figures follow the
    language too: 1,200 in English, 1 200 in French)."""

    def render():
        return str(message) % {k: v() if callable(v) else v for k, v in values.items()}

    return lazy(render, str)()


def crs_maximum():
    return intcomma(CRS_MAX)


# Django's own message for an answer that is not among a question's choices, in the same
# English words, with a French of our own (Django's French catalogue is European French).
INVALID_CHOICE = pgettext_lazy(
    "score tools", "Select a valid choice. %(value)s is not one of the available choices."
)


def bound_data(request, form_class, settings=()):
    """The query string if it answers any of the form's questions, otherwise None.

    A link that carries only someone's tracking parameters, or only `settings` (how to answer,
    not an answer), shows the empty form, not errors.
    """
    if any(name in request.GET for name in form_class.base_fields if name not in settings):
        return request.GET
    return None


def refuse_repeated_answers(form, names, message=None):
    """An error on each of `names` that the query string gives more than once.

    A shared link such as ?age=29&age=45 is ambiguous: say so rather than pick one.
    """
    for name in names:
        given = len(form.data.getlist(name))
        if given > 1:
            text = message or _("This link gives %(count)s answers here; keep just one.")
            form.add_error(name, text % {"count": given})


class ScoreCheckForm(forms.Form):
    score = forms.IntegerField(
        label=gettext_lazy("Your CRS score"),
        min_value=0,
        max_value=CRS_MAX,
        help_text=lazy_format(
            gettext_lazy(
                "A whole number from 0 to %(maximum)s, as your Express Entry profile shows it."
            ),
            maximum=crs_maximum,
        ),
        error_messages={
            "required": gettext_lazy("Enter a CRS score."),
            "invalid": gettext_lazy("Enter the score as a whole number, such as 478."),
            "min_value": lazy_format(
                gettext_lazy("CRS scores run from 0 to %(maximum)s."), maximum=crs_maximum
            ),
            "max_value": lazy_format(
                gettext_lazy("CRS scores run from 0 to %(maximum)s."), maximum=crs_maximum
            ),
        },
        widget=WholeNumberInput(),
    )
    stream = forms.MultipleChoiceField(
        label=gettext_lazy("Only these streams"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave every box empty to compare with every stream."),
        error_messages={
            "invalid_choice": INVALID_CHOICE,
            "invalid_list": gettext_lazy("Choose streams from the list."),
        },
        # The site's field template, with the class that lays the boxes out in columns.
        template_name="scores/_stream_field.html",
    )

    def __init__(self, data=None, *, streams):
        super().__init__(data)
        # The streams are read once, for the boxes and for checking the answer.
        self.streams = {stream.slug: stream for stream in streams}
        self.fields["stream"].choices = [
            (slug, s.translated("name")) for slug, s in self.streams.items()
        ]

    def clean(self):
        message = _("This link gives %(count)s scores; keep just one.")
        refuse_repeated_answers(self, ["score"], message)
        return super().clean()

    def clean_stream(self):
        chosen = dict.fromkeys(self.cleaned_data["stream"])  # a link may repeat a stream
        return [self.streams[slug] for slug in chosen]


PARTNERED = {"married", "common-law"}
MARITAL_STATUS_CHOICES = [
    ("", gettext_lazy("Choose one")),
    ("single", gettext_lazy("Never married or single")),
    ("married", gettext_lazy("Married")),
    ("common-law", gettext_lazy("Common-law partner")),
    ("separated", gettext_lazy("Legally separated or divorced")),
    ("widowed", gettext_lazy("Widowed")),
    ("annulled", gettext_lazy("Annulled marriage")),
]
YES_NO_CHOICES = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]
CANADIAN_WORK_CHOICES = [
    (0, gettext_lazy("None, or less than a year")),
    (1, gettext_lazy("1 year")),
    (2, gettext_lazy("2 years")),
    (3, gettext_lazy("3 years")),
    (4, gettext_lazy("4 years")),
    (5, gettext_lazy("5 years or more")),
]
FOREIGN_WORK_CHOICES = [
    (0, gettext_lazy("None, or less than a year")),
    (1, gettext_lazy("1 year")),
    (2, gettext_lazy("2 years")),
    (3, gettext_lazy("3 years or more")),
]


def _test_choices(empty_label):
    by_language = [
        (
            language.label,
            [(test.value, test.label) for test in LanguageTest if test.language is language],
        )
        for language in OfficialLanguage
    ]
    return [("", empty_label), *by_language]


def _scale_words(scale, abilities):
    """ "from 0 to 9 in steps of 0.5", and "for speaking and writing" where a test has two."""
    values = {
        "lowest": number_format(scale.lowest),
        "highest": number_format(scale.highest),
        "step": number_format(scale.step),
    }
    if scale.step == 1:
        words = _("from %(lowest)s to %(highest)s") % values
    else:
        words = _("from %(lowest)s to %(highest)s in steps of %(step)s") % values
    if not abilities:
        return words
    names = [ability.in_sentence for ability in abilities]
    both = _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}
    return _("%(range)s for %(abilities)s") % {"range": words, "abilities": both}


def score_ranges():
    """What each test's scores run from and to, in words, from language_scores.SCALES."""
    parts = []
    for test in LanguageTest:
        by_scale = {}
        for ability in Ability:
            by_scale.setdefault(SCALES[test][ability], []).append(ability)
        ranges = [
            _scale_words(scale, abilities if len(by_scale) > 1 else ())
            for scale, abilities in by_scale.items()
        ]
        parts.append(_("%(test)s %(ranges)s") % {"test": test.label, "ranges": ", ".join(ranges)})
    separator = pgettext("between the items of a list", "; ")
    return _("Each test has its own scale: %(scales)s. Enter a CELPIP result of M or NA as 0.") % {
        "scales": separator.join(parts)
    }


# Built when the form is shown, in the page's language.
lazy_score_ranges = lazy(score_ranges, str)


def _is_yes(value):
    return value == "yes"


def yes_no(label, *, default=None, help_text=""):
    """A Yes/No question as two radio buttons, answered `default` when left out of a link.

    Without a default it is optional here, and clean() asks for it where it matters.
    """
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO_CHOICES,
        coerce=_is_yes,
        empty_value=default,
        required=False,
        initial=None if default is None else ("yes" if default else "no"),
        help_text=help_text,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )


def language_test_choice(label, *, empty_label, required_message="", help_text=""):
    return forms.TypedChoiceField(
        label=label,
        choices=_test_choices(empty_label),
        coerce=LanguageTest,
        empty_value=None,
        required=bool(required_message),
        help_text=help_text,
        error_messages={"required": required_message, "invalid_choice": INVALID_CHOICE},
    )


def ability_score(ability):
    """One ability's score as the test report gives it. The test decides what is possible,
    so the form's clean() checks it once the test is known."""
    return forms.CharField(
        label=ability.label,
        required=False,
        max_length=10,
        error_messages={"max_length": gettext_lazy("That is too long to be a test score.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def years_choice(label, choices, help_text=""):
    """Years of work from a list; none when left out of a link."""
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        required=False,
        empty_value=0,
        initial=0,
        help_text=help_text,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )


def education_choice(label, *, required, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        choices=[("", gettext_lazy("Choose one")), *crs.EducationLevel.choices],
        coerce=crs.EducationLevel,
        empty_value=None,
        required=required,
        help_text=help_text,
        error_messages={
            "required": gettext_lazy("Choose the highest level of education completed."),
            "invalid_choice": INVALID_CHOICE,
        },
    )


class CalculatorForm(forms.Form):
    # About you
    marital_status = forms.ChoiceField(
        label=gettext_lazy("Marital status"),
        choices=MARITAL_STATUS_CHOICES,
        error_messages={
            "required": gettext_lazy("Choose your marital status."),
            "invalid_choice": INVALID_CHOICE,
        },
    )
    partner_citizen = yes_no(
        gettext_lazy("Is your spouse or partner a Canadian citizen or permanent resident?"),
        help_text=gettext_lazy("Only if you are married or have a common-law partner."),
    )
    partner_coming = yes_no(
        gettext_lazy("Will your spouse or partner come with you to Canada?"),
        help_text=gettext_lazy("Only if you are married or have a common-law partner."),
    )
    age = forms.IntegerField(
        label=gettext_lazy("Age"),
        min_value=16,
        max_value=99,
        help_text=gettext_lazy("In whole years, on the day you would be invited."),
        error_messages={
            "required": gettext_lazy("Enter your age."),
            "invalid": gettext_lazy("Enter your age as a whole number of years, such as 29."),
            "min_value": gettext_lazy("Enter an age from 16 to 99."),
            "max_value": gettext_lazy("Enter an age from 16 to 99."),
        },
        widget=WholeNumberInput(),
    )

    # Education
    education = education_choice(
        gettext_lazy("Highest level of education completed"),
        required=True,
        help_text=gettext_lazy(
            "A credential from outside Canada counts only with an Educational Credential "
            "Assessment (ECA) that finds it equal to a Canadian one."
        ),
    )
    canadian_education = forms.TypedChoiceField(
        label=gettext_lazy("Post-secondary education completed in Canada"),
        choices=crs.CanadianEducation.choices,
        coerce=crs.CanadianEducation,
        required=False,
        empty_value=crs.CanadianEducation.NONE,
        initial=crs.CanadianEducation.NONE,
        help_text=gettext_lazy(
            "From a school in Canada, after at least eight months of study while living here. "
            "It does not count if a scholarship required you to leave Canada afterwards, or if "
            "most of the program was English or French as a second language."
        ),
    )

    # First official language
    first_test = language_test_choice(
        gettext_lazy("Test taken"),
        empty_label=gettext_lazy("Choose a test"),
        required_message=gettext_lazy("Choose the language test you took."),
        help_text=lazy_score_ranges(),
    )
    first_speaking = ability_score(Ability.SPEAKING)
    first_listening = ability_score(Ability.LISTENING)
    first_reading = ability_score(Ability.READING)
    first_writing = ability_score(Ability.WRITING)

    # Second official language
    second_test = language_test_choice(
        gettext_lazy("Test taken"),
        empty_label=gettext_lazy("No test in my other official language"),
    )
    second_speaking = ability_score(Ability.SPEAKING)
    second_listening = ability_score(Ability.LISTENING)
    second_reading = ability_score(Ability.READING)
    second_writing = ability_score(Ability.WRITING)

    # Work experience
    canadian_work = years_choice(
        gettext_lazy("Skilled work experience in Canada"),
        CANADIAN_WORK_CHOICES,
        help_text=gettext_lazy(
            "Paid work in a TEER 0, 1, 2 or 3 job while allowed to work in Canada: full "
            "time, or the same hours part time. Time as a full-time student does not count."
        ),
    )
    foreign_work = years_choice(
        gettext_lazy("Skilled work experience outside Canada, in the last 10 years"),
        FOREIGN_WORK_CHOICES,
        help_text=gettext_lazy(
            "Paid work in a TEER 0, 1, 2 or 3 job, full time or the same hours part time."
        ),
    )
    certificate = yes_no(
        gettext_lazy(
            "Do you have a certificate of qualification in a trade, issued by a Canadian province, "
            "territory or federal body?"
        ),
        default=False,
    )

    # Additional points
    nomination = yes_no(
        gettext_lazy("Has a province or territory nominated you?"),
        default=False,
        help_text=lazy_format(
            gettext_lazy("A nomination through Express Entry adds %(points)s points."),
            points=crs.PROVINCIAL_NOMINATION_POINTS,
        ),
    )
    sibling = yes_no(
        gettext_lazy("Does a brother or sister live in Canada as a citizen or permanent resident?"),
        default=False,
        help_text=gettext_lazy(
            "Yours or your spouse's or partner's, aged 18 or older, related by blood, "
            "marriage, common-law partnership or adoption, with a parent in common."
        ),
    )

    job_offer = forms.TypedChoiceField(
        label=gettext_lazy("Do you have a qualifying job offer?"),
        choices=crs.JobOffer.choices,
        coerce=crs.JobOffer,
        required=False,
        empty_value=crs.JobOffer.NONE,
        initial=crs.JobOffer.NONE,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )

    # Spouse or partner
    spouse_education = education_choice(
        gettext_lazy("Highest level of education completed"),
        required=False,
        help_text=gettext_lazy(
            "Only if your spouse or partner is coming with you and is not already a "
            "Canadian citizen or permanent resident."
        ),
    )
    spouse_test = language_test_choice(
        gettext_lazy("Test taken"), empty_label=gettext_lazy("No language test")
    )
    spouse_speaking = ability_score(Ability.SPEAKING)
    spouse_listening = ability_score(Ability.LISTENING)
    spouse_reading = ability_score(Ability.READING)
    spouse_writing = ability_score(Ability.WRITING)
    spouse_canadian_work = years_choice(
        gettext_lazy("Skilled work experience in Canada"), CANADIAN_WORK_CHOICES
    )

    # Which rules to score by: a setting rather than an answer (see bound_data).
    rules = forms.DateField(
        label=gettext_lazy("Score with the rules in force on"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"placeholder": pgettext_lazy("a date's form", "YYYY-MM-DD")}
        ),
        error_messages={
            "invalid": gettext_lazy("Enter a date as year-month-day, such as 2025-03-24.")
        },
    )
    SETTINGS = ("rules",)

    # Questions asked more than once (a test's scores, the spouse's education) are named
    # with their group where they are listed out of place, in the summary of problems.
    GROUPS = {
        "first_": gettext_lazy("First official language"),
        "second_": gettext_lazy("Second official language"),
        "spouse_": gettext_lazy("Spouse or partner"),
    }

    def __init__(self, data=None, *, today, settings=None):
        """`settings`: for a form not answered yet, a link's settings (?rules=2025-03-24),
        filled in and checked at once while the questions wait for their answers."""
        self.settings = settings if data is None and settings else None
        initial = (
            {name: self.settings.get(name) for name in self.SETTINGS} if self.settings else None
        )
        super().__init__(data, initial=initial)
        self.today = today
        first = crs.RULE_SETS[0].in_force_from
        self.fields["rules"].help_text = _(
            "Leave empty for the rules in force today. A past day, from %(first)s on, shows "
            "what these answers scored then, beside today's total."
        ) % {"first": date_format(first)}
        self.fields["job_offer"].help_text = job_offer_help(crs.rules_in_force(today))

    def full_clean(self):
        super().full_clean()
        if self.is_bound or not self.settings:
            return
        # A link with only the day to score by: a day that cannot be used is said at once,
        # on its own field, rather than after every question has been answered.
        self.cleaned_data = {}
        for name in self.SETTINGS:
            given = len(self.settings.getlist(name))
            if given > 1:
                message = _("This link gives %(count)s answers here; keep just one.")
                self.add_error(name, message % {"count": given})
                continue
            try:
                self.cleaned_data[name] = self.fields[name].clean(self.initial.get(name))
                self.cleaned_data[name] = getattr(self, f"clean_{name}")()
            except forms.ValidationError as error:
                self.add_error(name, error)

    def clean_rules(self):
        day = self.cleaned_data["rules"]
        if day is None:
            return None
        if day > self.today:
            raise forms.ValidationError(
                _("Choose today or an earlier day: the rules of a day to come are not known yet.")
            )
        try:
            crs.rules_in_force(day)
        except crs.RulesNotHeld:
            first = date_format(crs.RULE_SETS[0].in_force_from)
            raise forms.ValidationError(
                _("The rules held here start on %(first)s; choose that day or a later one.")
                % {"first": first}
            ) from None
        return day

    def scores(self):
        """(result, comparison): the valid answers' score under the rules of the day asked
        for (today's when none is), and, when that day's rules are not today's, the same
        answers under both sets (else None)."""
        todays = crs.rules_in_force(self.today)
        day = self.cleaned_data.get("rules")
        chosen = crs.rules_in_force(day) if day else todays
        profile = self.profile()
        result = crs.calculate(profile, chosen)
        if chosen is todays:
            return result, None
        return result, crs.Comparison(result, crs.calculate(profile, todays))

    def query_for_today(self):
        """The answers' query string without the day: the same result under today's rules."""
        query = self.data.copy()
        for name in self.SETTINGS:
            query.pop(name, None)
        return query.urlencode()

    def last_day_of_previous_rules(self):
        """The last day the set before today's applied, or None if none is held."""
        todays = crs.rules_in_force(self.today)
        index = crs.RULE_SETS.index(todays)
        return crs.in_force_until(crs.RULE_SETS[index - 1]) if index else None

    def query_for_previous_rules(self):
        """The answers' query string on the last day of the rules before today's."""
        query = self.data.copy()
        query["rules"] = self.last_day_of_previous_rules().isoformat()
        return query.urlencode()

    def problems(self):
        """(field id, text) for each problem, in the form's order, for a summary of them."""
        problems = []
        for field in self:
            group = next(
                (g for prefix, g in self.GROUPS.items() if field.name.startswith(prefix)), ""
            )
            label = str(field.label)
            label = label[0].lower() + label[1:]
            values = {"group": group, "question": label}
            name = _("%(group)s, %(question)s") % values if group else str(field.label)
            # Radio buttons have no single id; the first one stands for the question.
            anchor = field.id_for_label or f"{field.auto_id}_0"
            for error in field.errors:
                # A question's own message says what it asks ("Say whether ...").
                if name.endswith("?"):
                    problems.append((anchor, error))
                else:
                    values = {"question": name, "problem": error}
                    problems.append((anchor, _("%(question)s: %(problem)s") % values))
        return problems

    def clean(self):
        refuse_repeated_answers(self, self.fields)
        data = super().clean()
        partnered = data.get("marital_status") in PARTNERED
        if partnered:
            for name, message in [
                (
                    "partner_citizen",
                    _(
                        "Say whether your spouse or partner is a Canadian citizen or "
                        "permanent resident."
                    ),
                ),
                ("partner_coming", _("Say whether your spouse or partner will come with you.")),
            ]:
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, message)
        data["spouse_accompanying"] = crs.spouse_is_accompanying(
            partnered, bool(data.get("partner_citizen")), bool(data.get("partner_coming"))
        )
        self._check_canadian_education(data)
        data["first_levels"] = self._levels("first")
        data["second_levels"] = self._levels("second")
        self._check_second_language(data)
        data["spouse_levels"] = None
        if data["spouse_accompanying"]:
            if data.get("spouse_education") is None and "spouse_education" not in self.errors:
                self.add_error(
                    "spouse_education",
                    _(
                        "Your spouse or partner is coming with you: choose their highest level "
                        "of education."
                    ),
                )
            data["spouse_levels"] = self._levels("spouse")
        data["left_out"] = self._left_out(data, partnered)
        return data

    SPOUSE_FIELDS = (
        "spouse_education",
        "spouse_test",
        "spouse_speaking",
        "spouse_listening",
        "spouse_reading",
        "spouse_writing",
        "spouse_canadian_work",
    )

    def _left_out(self, data, partnered):
        """(why, [questions]): answers given that the CRS does not read, to point them out
        rather than drop them in silence; None when every answer given was used."""
        if data["spouse_accompanying"]:
            return None
        names = [name for name in self.SPOUSE_FIELDS if self.data.get(name, "") not in ("", "0")]
        if not partnered:
            names = [n for n in ("partner_citizen", "partner_coming") if self.data.get(n)] + names
            why = _("you have no spouse or common-law partner")
        elif data.get("partner_citizen"):
            why = _("your spouse or partner is a Canadian citizen or permanent resident")
        else:
            why = _("your spouse or partner is not coming with you")
        if not names:
            return None
        questions = []
        for name in names:
            label = str(self.fields[name].label)
            if name.startswith("spouse_"):
                values = {"group": self.GROUPS["spouse_"], "question": label[0].lower() + label[1:]}
                label = _("%(group)s, %(question)s") % values
            questions.append(label)
        return why, questions

    def _check_canadian_education(self, data):
        # The Canadian credential is one of the candidate's credentials, so it cannot be
        # longer than the highest one; the mismatch is a slip worth pointing out.
        levels = list(crs.EducationLevel)
        needs = {
            crs.CanadianEducation.ONE_OR_TWO_YEARS: crs.EducationLevel.ONE_YEAR,
            crs.CanadianEducation.THREE_YEARS_OR_MORE: crs.EducationLevel.BACHELORS,
        }
        canadian, highest = data.get("canadian_education"), data.get("education")
        if (
            canadian in needs
            and highest is not None
            and levels.index(highest) < levels.index(needs[canadian])
        ):
            self.add_error(
                "canadian_education",
                _(
                    "This is more education than the highest level chosen above; "
                    "check both answers."
                ),
            )

    def _check_second_language(self, data):
        first, second = data.get("first_test"), data.get("second_test")
        if first and second and first.language is second.language:
            other = next(
                language for language in OfficialLanguage if language is not first.language
            )
            self.add_error(
                "second_test",
                _(
                    "Your first test is in %(first)s, so a second-language test must be in "
                    "%(other)s."
                )
                % {"first": first.language.in_sentence, "other": other.in_sentence},
            )

    def _levels(self, prefix):
        """CLB or NCLC levels from a test's four scores, or None; problems go on the fields."""
        data = self.cleaned_data
        test = data.get(f"{prefix}_test")
        names = {ability: f"{prefix}_{ability.value}" for ability in Ability}
        if test is None:
            if f"{prefix}_test" not in self.errors and any(data.get(n) for n in names.values()):
                self.add_error(f"{prefix}_test", _("Choose the test these scores are from."))
            return None
        levels = {}
        for ability, name in names.items():
            score = data.get(name)
            if name in self.errors:
                continue
            if not score:
                message = _("Enter the %(ability)s score from %(test)s.")
                self.add_error(name, message % {"ability": ability.in_sentence, "test": test.label})
                continue
            try:
                levels[ability.value] = clb_for(test, ability, score)
            except ValueError:
                self.add_error(
                    name,
                    _("%(scale)s, so %(score)s is not a possible score.")
                    % {"scale": describe_scale(test, ability), "score": score},
                )
        if len(levels) < len(Ability):
            return None
        return crs.LanguageLevels(**levels)

    def profile(self):
        """The valid answers as the CRS reads them."""
        data = self.cleaned_data
        accompanying = data["spouse_accompanying"]
        return crs.Profile(
            age=data["age"],
            education=data["education"],
            first_language=data["first_test"].language,
            first_language_levels=data["first_levels"],
            second_language_levels=data["second_levels"],
            canadian_work_years=data["canadian_work"],
            foreign_work_years=data["foreign_work"],
            certificate_of_qualification=data["certificate"],
            canadian_education=data["canadian_education"],
            provincial_nomination=data["nomination"],
            sibling_in_canada=data["sibling"],
            spouse_accompanying=accompanying,
            spouse_education=data["spouse_education"] if accompanying else None,
            spouse_language_levels=data["spouse_levels"],
            spouse_language=data["spouse_test"].language if data["spouse_levels"] else None,
            spouse_canadian_work_years=data["spouse_canadian_work"] if accompanying else 0,
            job_offer=data["job_offer"],
        )


def job_offer_help(todays):
    """What a job offer is worth under today's rules, and under the sets that scored one."""
    if todays.scores_job_offers:
        points = todays.arranged_employment
        return _(
            "An offer of at least a year's full-time work that IRCC counts (usually with a "
            "Labour Market Impact Assessment): %(senior)s points in senior management, "
            "%(other)s in another skilled job."
        ) % {"senior": points.senior_management, "other": points.other}
    scored = [rules for rules in crs.RULE_SETS if rules.scores_job_offers]
    if not scored:
        return _("A job offer earns no points.")
    last = scored[-1]
    ended = crs.RULE_SETS[crs.RULE_SETS.index(last) + 1].in_force_from
    return _(
        "Today a job offer earns no points: IRCC stopped counting them on %(ended)s. Before "
        "that an offer gave %(senior)s points in senior management and %(other)s in another "
        "skilled job; to see it counted, choose a day before %(ended)s below."
    ) % {
        "ended": date_format(ended),
        "senior": last.arranged_employment.senior_management,
        "other": last.arranged_employment.other,
    }
