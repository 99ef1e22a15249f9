"""Seed the program guides as the team first wrote them; editors keep them current after.

The text is frozen here, so this migration does the same thing on every machine and every
day: later changes to a guide are made in the admin, or by a migration of their own. It was
written by the team from IRCC's published rules (see each guide's official_url).
"""

import datetime as dt

from django.contrib.auth.management import create_permissions
from django.db import migrations

GUIDES = [
    {
        "slug": "cec",
        "stream_slug": "cec",
        "display_order": 10,
        "title": "Canadian Experience Class (CEC)",
        "short_name": "CEC",
        "summary": "Who qualifies for the Canadian Experience Class, with a year of skilled work in Canada, language minimums, no proof of funds, and how invitations work.",
        "official_url": "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html",
        "reviewed_on": dt.date.fromisoformat("2026-11-25"),
        "body": """\
## Who the program is for

The Canadian Experience Class (CEC) is the Express Entry route for people who have already worked in Canada in a skilled job. Most candidates are temporary foreign workers or international graduates working on a post-graduation work permit. The program rewards experience you have already gained here, so there is no education requirement and no 67-point test like the one the Federal Skilled Worker Program uses.

Meeting the CEC rules gets you into the Express Entry pool. It does not guarantee an invitation. Invitations go to the highest-ranked candidates, ranked by their Comprehensive Ranking System (CRS) score.

## Eligibility at a glance

| Requirement | What you need |
|---|---|
| Canadian work experience | At least 1 year (1,560 hours) of skilled, paid work in Canada in the 3 years before you apply |
| Occupation level | TEER 0, 1, 2 or 3 in the National Occupational Classification (NOC) |
| Language | CLB/NCLC 7 for TEER 0 or 1 work, CLB/NCLC 5 for TEER 2 or 3 work, in all four abilities |
| Education | Not required, though it earns CRS points |
| Proof of funds | Not required |
| Where you will live | Any province or territory except Quebec |

## Requirements in detail

### Skilled work experience

- **How much:** one year of full-time work, which IRCC counts as 1,560 hours. Only up to 30 hours a week count, so overtime won't get you there sooner.
- **How you can reach it:** one full-time job, several jobs at once, or part-time work spread over a longer period. For example, 15 hours a week for 24 months adds up to 1,560 hours.
- **When:** within the 3 years before you apply.
- **Where and how:** in Canada, while you held temporary resident status with permission to work. The work must have been paid in wages or commission. Volunteer work and unpaid internships don't count.
- **What level:** your job must fall into TEER 0, 1, 2 or 3 of the NOC. Find the NOC code for your job and check that your duties match its description.
- **What doesn't count:** self-employment, and any work you did while you were a full-time student, including co-op placements. IRCC has a temporary exception for some physicians who were self-employed while providing publicly funded medical services in Canada.

### Language

You need results from an approved test: CELPIP-General, IELTS General Training or PTE Core for English, or TEF Canada or TCF Canada for French. The minimum you need depends on the TEER category of your qualifying work:

| Your Canadian work experience | Minimum in each of reading, writing, listening and speaking |
|---|---|
| TEER 0 or 1 | CLB 7 (English) or NCLC 7 (French) |
| TEER 2 or 3 | CLB 5 (English) or NCLC 5 (French) |

Test results are valid for two years. They must still be valid on the day you submit your application for permanent residence, not just when you create your profile.

### Education

The CEC has no education requirement. Education still matters for your ranking, though. A Canadian diploma or degree earns CRS points, and so does a foreign credential with an Educational Credential Assessment (ECA) from an organization IRCC has designated.

### Proof of funds

CEC candidates don't have to show settlement funds. If you also qualify for the Federal Skilled Worker or Federal Skilled Trades program, keep the funds section of your profile accurate anyway. You won't know in advance which program an invitation will name, and those two programs do require funds unless you're exempt.

### Admissibility and Quebec

You and your family members must be admissible to Canada. That means medical exams, police certificates and a clean record on security and misrepresentation. You must also plan to live outside Quebec, because Quebec selects its own economic immigrants through its own programs.

## From profile to invitation

1. **Get your documents ready.** Book a language test and confirm your NOC code and TEER category. An ECA is optional for the CEC, but it adds points if your education is from outside Canada.
2. **Create your Express Entry profile** in your IRCC account. If you meet the rules of at least one program, your profile goes into the pool. It stays there for up to 12 months.
3. **Get your CRS score.** The system scores your profile out of 1,200 and ranks you against everyone else in the pool. Update your profile whenever something changes, such as a new test result or another year of work.
4. **Wait for rounds of invitations.** IRCC holds general rounds, rounds for a single program (CEC-only rounds are common) and category-based rounds. In each round, candidates at or above the cut-off score get an invitation to apply (ITA).
5. **Apply within 60 days.** After an ITA, you have 60 days to submit a complete application for permanent residence. That means documents, fees, police certificates and medical exams for you and your family.
6. **Processing.** IRCC aims to finish most complete Express Entry applications in about six months. If you're approved, you receive a Confirmation of Permanent Residence.

## Frequently asked questions

### Can I qualify for more than one program?

Yes, and many CEC candidates do. Someone with a year of Canadian work in a TEER 1 job and CLB 7 scores may also meet the Federal Skilled Worker rules. You have one profile and one CRS score, and the system checks you against every program. Your invitation states which program you're invited under.

### Does work I did as a student count?

Not if you were a full-time student when you did it, and that includes co-op terms. Skilled work after you graduate, for example on a post-graduation work permit, does count.

### Do I need a job offer?

No. A job offer isn't part of the CEC requirements. Since March 25, 2025, job offers also no longer add CRS points.

### Can I apply if I've left Canada?

Generally, yes. What matters is that your qualifying Canadian work falls inside the 3-year window before you apply. Keep an eye on the window, though, because experience that slips outside it no longer counts.

### I'm a few hours short of 1,560. Can I create my profile now?

You can only enter the pool once you meet the rules of at least one program. If the CEC is your only option, wait until you have completed the full year of work. Then create your profile, or update your existing one.

For IRCC's full rules, see the official [Canadian Experience Class page](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html).
""",
    },
    {
        "slug": "fsw",
        "stream_slug": "fsw",
        "display_order": 20,
        "title": "Federal Skilled Worker Program (FSW)",
        "short_name": "FSW",
        "summary": "How the Federal Skilled Worker Program works, covering skilled work in Canada or abroad, CLB 7, education and ECA, the 67-point grid and proof of funds.",
        "official_url": "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/federal-skilled-workers.html",
        "reviewed_on": dt.date.fromisoformat("2026-11-25"),
        "body": """\
## Who the program is for

The Federal Skilled Worker Program (FSW) is the main Express Entry route for skilled professionals who may never have worked in Canada. Your experience can come from anywhere in the world. Because of that, the program asks more of you up front than the Canadian Experience Class does. You need stronger language scores, a recognized education, settlement funds, and a pass on a 67-point selection grid.

Passing the grid gets you into the Express Entry pool. From there you compete on your Comprehensive Ranking System (CRS) score, which is a separate points system.

## Minimum requirements

### Skilled work experience

- **How much:** at least one year of **continuous** paid work, which is 1,560 hours counted at 30 hours a week. Part-time work counts if it adds up to the same amount without a break in the period.
- **When:** within the last 10 years.
- **Where:** in Canada or abroad.
- **What level:** TEER 0, 1, 2 or 3 of the National Occupational Classification (NOC).
- **Which job:** the experience must be in your *primary occupation*, meaning the job you want to use to immigrate. Your duties need to match that occupation's NOC description, including its lead statement and most of its main duties.
- **Paid:** you must have earned wages or commission. Volunteer work and unpaid internships don't count.

### Language

You need at least **CLB 7 in English or NCLC 7 in French in all four abilities**: reading, writing, listening and speaking. The approved tests are CELPIP-General, IELTS General Training and PTE Core for English, and TEF Canada and TCF Canada for French. Results are valid for two years and must still be valid when you submit your permanent residence application.

### Education

You need either a Canadian secondary or post-secondary credential, or a completed foreign credential with an **Educational Credential Assessment (ECA)**. The ECA has to come from an organization IRCC has designated and must be for immigration purposes. It shows what your foreign diploma or degree is equal to in Canada. ECA reports are valid for five years.

### The 67-point selection grid

IRCC scores six factors out of 100, and you need **at least 67** to be eligible. This grid only decides whether you can enter the pool. Your rank inside the pool comes from the CRS.

| Factor | Maximum points | What earns them |
|---|---|---|
| Language | 28 | Up to 24 for your first official language (4 to 6 per ability at CLB 7 to 9+), plus 4 for CLB 5+ in all abilities of the other language |
| Education | 25 | From 5 for secondary school up to 25 for a doctorate |
| Work experience | 15 | 9 for one year, 11 for 2 to 3 years, 13 for 4 to 5 years, 15 for 6 years or more |
| Age | 12 | Full points from 18 to 35, one less for each year after that, none from 47 |
| Arranged employment | 10 | A valid offer of at least one year of full-time work in Canada |
| Adaptability | 10 | For example, past skilled work in Canada, past study in Canada, relatives in Canada, or your spouse's language, study or work |
| **Total** | **100** | **Pass mark: 67** |

A typical example: a 30-year-old with a master's degree, CLB 9 in English and three years of experience scores 24 + 23 + 11 + 12 = 70. That passes without any job offer or adaptability points.

### Proof of funds

Unless you're exempt, you must show you have enough money to settle in Canada. The money has to be readily available to you, not borrowed, and you can't count equity in property. You're exempt if you are currently allowed to work in Canada **and** have a valid job offer from a Canadian employer.

The amount depends on the size of your family. Count yourself, your spouse or partner, and your dependent children, plus your spouse's dependent children. Include them even if they're Canadian citizens or permanent residents, or won't be coming with you.

| Family members | Funds required (CAD) |
|---|---|
| 1 | $15,263 |
| 2 | $19,001 |
| 3 | $23,360 |
| 4 | $28,362 |
| 5 | $32,168 |
| 6 | $36,280 |
| 7 | $40,392 |
| Each additional member | $4,112 |

IRCC updates these amounts about once a year, at 50% of the low-income cut-off. The figures above are from the update that took effect on **July 7, 2025**. Check IRCC's [proof of funds page](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/proof-funds.html) before you apply. If you're already in the pool when the table changes, you must update your profile. Doing so doesn't change your place in a tie-break.

### Admissibility and Quebec

You and your family must be admissible to Canada. That means medical exams, police certificates and no security or misrepresentation problems. You must also plan to live outside Quebec, which selects its own skilled workers.

## From profile to invitation

1. **Prepare.** Take an approved language test, get an ECA for foreign education, identify your NOC code, and work out your score on the 67-point grid.
2. **Create your Express Entry profile.** If you pass the grid and meet the other minimums, you enter the pool for up to 12 months.
3. **Get ranked.** Your CRS score, out of 1,200, sets your place in the pool. Keep your profile up to date.
4. **Rounds of invitations.** IRCC runs general, program-specific and category-based rounds. Candidates at or above a round's cut-off receive an invitation to apply (ITA).
5. **Apply within 60 days.** Submit a complete permanent residence application with documents, fees, police certificates, medical exams and proof of funds.
6. **Processing.** IRCC aims to process most complete Express Entry applications in about six months.

## Frequently asked questions

### Is the 67-point grid the same as my CRS score?

No. The grid is a pass/fail check out of 100 that decides whether you can enter the pool as an FSW candidate. The CRS, out of 1,200, is what ranks you once you're in. A high grid score doesn't raise your CRS.

### Can I qualify for more than one program?

Yes. If you also have a year of skilled Canadian work, you may meet the Canadian Experience Class rules too. A tradesperson may also meet the Federal Skilled Trades rules. You keep one profile and one CRS score, and your invitation names the program you're invited under.

### Does a job offer still help?

Within the FSW grid, yes. A valid job offer can earn up to 10 arranged-employment points and up to 5 adaptability points, and it can exempt you from proof of funds if you're already allowed to work in Canada. However, since March 25, 2025, a job offer no longer adds any CRS points.

### Does my work experience have to be continuous?

For the one-year minimum, yes. It must be one unbroken period of paid work in the same occupation. Extra years beyond the minimum add grid points.

### My ECA or language test will expire soon. What happens?

If either one expires while your profile is in the pool, you no longer meet the requirements. Retake the test or renew the assessment in time, and update your profile.

For IRCC's full rules, see the official [Federal Skilled Worker Program page](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/federal-skilled-workers.html) and the [six selection factors](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html).
""",
    },
    {
        "slug": "fst",
        "stream_slug": "fst",
        "display_order": 30,
        "title": "Federal Skilled Trades Program (FST)",
        "short_name": "FST",
        "summary": "How the Federal Skilled Trades Program works, covering two years in an eligible trade, CLB 5/4 language, a job offer or certificate, and proof of funds.",
        "official_url": "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/federal-skilled-trades.html",
        "reviewed_on": dt.date.fromisoformat("2026-11-25"),
        "body": """\
## Who the program is for

The Federal Skilled Trades Program (FST) is the Express Entry route for qualified tradespeople such as electricians, plumbers, welders, carpenters, heavy-equipment mechanics and chefs. Compared with the Federal Skilled Worker Program, the language bar is lower and there's no education requirement or points grid. In return, you need more hands-on experience. You also need a concrete link to the Canadian labour market: either a job offer or a Canadian certificate of qualification in your trade.

Meeting the FST rules gets you into the Express Entry pool. Invitations then depend on your Comprehensive Ranking System (CRS) score and on the kind of rounds IRCC holds.

## Minimum requirements

### Work experience in a skilled trade

- **How much:** at least **2 years of full-time work**, which is 3,120 hours, or the same amount in part-time work.
- **When:** within the **5 years** before you apply.
- **Paid:** the work must have earned wages or commission. Volunteer work and unpaid internships don't count.
- **Qualified:** it only counts from the point when you were qualified to practise the trade on your own. Your duties must match the NOC description of the trade. You need to meet the trade's NOC job requirements too, except that you don't need a certificate of qualification to have experience counted.
- **Which trades:** the experience must be in one of these groups of the 2021 National Occupational Classification (NOC). All of them are TEER 2 or 3 occupations.

| NOC group | Covers |
|---|---|
| Major Group 72, except Sub-Major Group 726 | Technical trades, such as electrical, construction, industrial and mechanical trades (transportation officers and controllers are excluded) |
| Major Group 73 | General trades, such as maintenance and equipment operation trades |
| Major Group 82 | Supervisors in natural resources, agriculture and related production |
| Major Group 83 | Occupations in natural resources and related production |
| Major Group 92 | Processing, manufacturing and utilities supervisors, and utilities operators and controllers |
| Major Group 93, except Sub-Major Group 932 | Central control and process operators (aircraft assemblers and inspectors are excluded) |
| Minor Group 6320 | Cooks, butchers and bakers |
| Unit Group 62200 | Chefs |

### Language

You need results from an approved test (CELPIP-General, IELTS General Training or PTE Core for English, or TEF Canada or TCF Canada for French). You also need to reach these minimums:

| Ability | English | French |
|---|---|---|
| Speaking and listening | CLB 5 | NCLC 5 |
| Reading and writing | CLB 4 | NCLC 4 |

Results are valid for two years and must still be valid when you submit your permanent residence application.

### A job offer or a certificate of qualification

You need **at least one** of these:

- **A valid job offer** of full-time work in your trade for a total of at least one year. IRCC has specific rules on what makes an offer valid. In most cases, the offer must be supported by a Labour Market Impact Assessment (LMIA) or fall under a recognized LMIA exemption.
- **A certificate of qualification** in your trade, issued by a Canadian provincial or territorial authority, or by a federal authority for federally regulated trades. The certifying body usually assesses your training and experience, and you may have to pass an exam. The process differs from one province or territory to another.

### Education

There's no education requirement. Education can still earn CRS points if you have a Canadian credential, or a foreign credential with an Educational Credential Assessment (ECA).

### Proof of funds

Unless you're exempt, you must show enough money to settle in Canada. The funds must be available to you, not borrowed, and can't include property equity. You're exempt if you are currently allowed to work in Canada **and** have a valid job offer.

Count yourself, your spouse or partner, your dependent children and your spouse's dependent children. Include them even if they won't come with you or are already Canadian.

| Family members | Funds required (CAD) |
|---|---|
| 1 | $15,263 |
| 2 | $19,001 |
| 3 | $23,360 |
| 4 | $28,362 |
| 5 | $32,168 |
| 6 | $36,280 |
| 7 | $40,392 |
| Each additional member | $4,112 |

IRCC revises these amounts about once a year. This table reflects the update that took effect on **July 7, 2025**. Always check IRCC's [proof of funds page](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/proof-funds.html) for the current figures. If the table changes while you're in the pool, you must update your profile.

### Admissibility and Quebec

You and your family must be admissible to Canada, which involves medical exams and police certificates. You must also plan to live outside Quebec, because Quebec selects its own skilled workers.

## From profile to invitation

1. **Prepare.** Identify your trade's NOC code, take a language test, and either secure a qualifying job offer or start the certification process with the provincial or territorial body for your trade.
2. **Create your Express Entry profile.** If you meet the FST rules, or another program's, you enter the pool for up to 12 months.
3. **Get ranked.** Your CRS score, out of 1,200, sets your position. A certificate of qualification combined with good language scores can add skill transferability points.
4. **Rounds of invitations.** IRCC holds general rounds, program-specific rounds (including FST-only rounds from time to time) and category-based rounds. One category targets trade occupations. Candidates at or above a round's cut-off receive an invitation to apply (ITA).
5. **Apply within 60 days.** Submit a complete permanent residence application with documents, fees, police certificates and medical exams.
6. **Processing.** IRCC aims to process most complete Express Entry applications in about six months.

## Frequently asked questions

### Do I need both a job offer and a certificate of qualification?

No, one is enough. Many candidates who work in Canada use a job offer. People still abroad often go the certificate route, but check whether your province or territory allows you to start the assessment from outside Canada.

### Is the FST program the same as the "trade occupations" category?

No. The FST program sets the minimum rules for entering the pool as a tradesperson. The trade occupations category is a way IRCC selects candidates in some rounds. You can be invited in a trades category round under the FST, the Canadian Experience Class or the Federal Skilled Worker Program, as long as you meet that category's experience rules.

### Can I qualify for more than one program?

Often, yes. A tradesperson with a year of skilled Canadian work may also meet the Canadian Experience Class rules. You have one profile and one CRS score, and your invitation names the program you're invited under.

### Does my job offer add CRS points?

Not any more. Since March 25, 2025, job offers earn no CRS points. For the FST, though, a valid job offer still counts as one way to meet the program's requirements, and it can exempt you from proof of funds.

For IRCC's full rules, see the official [Federal Skilled Trades Program page](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/federal-skilled-trades.html).
""",
    },
    {
        "slug": "crs",
        "stream_slug": None,
        "display_order": 40,
        "title": "Comprehensive Ranking System (CRS)",
        "short_name": "CRS",
        "summary": "How the Comprehensive Ranking System scores Express Entry profiles out of 1,200, what drives your points, and how cut-offs and tie-breaks work.",
        "official_url": "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html",
        "reviewed_on": dt.date.fromisoformat("2026-11-25"),
        "body": """\
## What the CRS does

Every profile in the Express Entry pool gets a Comprehensive Ranking System (CRS) score out of **1,200**. The score has nothing to do with whether you're *eligible*. That's decided by the rules of the Canadian Experience Class, the Federal Skilled Worker Program or the Federal Skilled Trades Program. What the CRS decides is your *rank*. In each round of invitations, IRCC invites candidates from the top of the ranking down to a cut-off score.

## The four parts of the score

| Part | Maximum points |
|---|---|
| A. Core human capital | 500 without a spouse or partner, 460 with one |
| B. Spouse or common-law partner factors | 40 (only if your spouse is coming with you) |
| C. Skill transferability | 100 |
| D. Additional points | 600 |
| **Total** | **1,200** |

If your spouse or partner is coming to Canada with you, your own core maximum drops to 460 and up to 40 points can come from your spouse. Either way, parts A and B together are capped at 500. If your spouse is a Canadian citizen or permanent resident, or isn't coming with you, you're scored as a single applicant.

## A. Core human capital

These points reflect your age, education, language ability and Canadian work experience.

| Factor | Without spouse | With spouse | What drives the points |
|---|---|---|---|
| Age | 110 | 100 | Full points from age 20 to 29, fewer each year after that, none from 45 |
| Education | 150 | 140 | Rises from secondary school up to a doctorate |
| First official language | 136 | 128 | Up to 34 (or 32) per ability, with big jumps at CLB 7 and CLB 9 |
| Second official language | 24 | 22 | Up to 6 per ability |
| Canadian work experience | 80 | 70 | Skilled work in Canada, from 1 year up to 5 years or more |

Language is the biggest single lever. Reaching CLB 9 in all four abilities adds core points. It also unlocks the maximum skill transferability points for combinations that involve language.

## B. Spouse or common-law partner factors

If your partner is coming with you, they can add up to **40 points**. That's up to 10 for their education, 20 for their first-language scores and 10 for their Canadian work experience.

## C. Skill transferability

This part rewards combinations that tend to go together with good results in the job market. It's capped at **100 points** in total.

- **Education** combined with strong language scores, or with Canadian work experience: up to 50 points.
- **Foreign work experience** combined with strong language scores, or with Canadian work experience: up to 50 points.
- **A certificate of qualification** in a trade combined with language scores: up to 50 points.

For education and foreign work experience, the language combination starts paying at CLB 7 and reaches its maximum at CLB 9. For a certificate of qualification, it starts at CLB 5 and peaks at CLB 7.

## D. Additional points

| Factor | Points |
|---|---|
| Provincial or territorial nomination | 600 |
| Strong French (NCLC 7+ in all four abilities) | 25, or 50 if you also have CLB 5+ in English |
| Post-secondary education completed in Canada | 15 for a one- or two-year credential, 30 for three years or more |
| Brother or sister in Canada (citizen or permanent resident, 18 or older, living in Canada) | 15 |
| Arranged employment (job offer) | 0 since March 25, 2025 |

This part is capped at **600**. A provincial nomination alone uses up the whole cap, which is why nominees rank at the very top of the pool.

### Job offers no longer earn CRS points

Until March 25, 2025, a valid job offer added 50 points, or 200 for senior management roles. IRCC removed those points on that date for every candidate in the pool, and scores were recalculated. Candidates who had already been invited or had already applied were not affected. A job offer can still matter for *eligibility*, though. It's one of the two ways to meet the Federal Skilled Trades rules, and it can exempt FSW and FST candidates from proof of funds. It also still counts on the Federal Skilled Worker 67-point grid, which is a separate system from the CRS.

## How rounds of invitations use your score

- **General rounds** rank everyone in the pool together.
- **Program-specific rounds** only consider candidates eligible for one program, such as the Canadian Experience Class or the Provincial Nominee Program.
- **Category-based rounds** only consider candidates who meet a category's rules, such as French-language proficiency or recent work experience in a targeted group of occupations. Candidates are ranked by CRS *within that category only*, which is why category cut-offs can be far lower or higher than general ones. Since early 2026, the occupation categories generally require at least one year of work experience in an eligible occupation within the past three years. That year no longer has to be continuous.

### Tie-breaks

Often, several candidates share the round's cut-off score. When that happens, IRCC ranks the tied candidates by the date and time they submitted their profile, earliest first. Each round's results list the tie-breaking date and time. Everyone above the cut-off score is invited, along with everyone *at* the cut-off score who submitted before that moment. Updating your profile doesn't change your timestamp. Withdrawing your profile and creating a new one does.

## Practical tips

- Your score is only as good as your proof. Every claim must be backed by documents when you apply, and an invitation based on points you can't support can lead to a refusal.
- Retaking a language test is often the quickest way to gain points, especially if you're close to CLB 9.
- Another year of Canadian work experience, a second credential, or your spouse's language test can all move your score.
- Keep your profile current. Some changes, like a birthday, can lower your score. New test results, credentials and work experience only count once you add them.

Estimate your score with IRCC's official [CRS tool](https://ircc.canada.ca/english/immigrate/skilled/crs-tool.asp), and read the full points tables on the [CRS criteria page](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html).
""",
    },
]


def seed_guides(apps, schema_editor):
    Guide = apps.get_model("draws", "Guide")
    Stream = apps.get_model("draws", "Stream")
    for fields in GUIDES:
        fields = dict(fields)
        stream_slug = fields.pop("stream_slug")
        Guide.objects.create(
            **fields,
            stream=Stream.objects.filter(slug=stream_slug).first() if stream_slug else None,
        )


def let_editors_keep_guides(apps, schema_editor):
    app_config = apps.get_app_config("draws")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    editors = apps.get_model("auth", "Group").objects.get(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="draws", codename__in=["change_guide", "view_guide"]
        )
    )


def remove_guides(apps, schema_editor):
    apps.get_model("draws", "Guide").objects.filter(
        slug__in=[guide["slug"] for guide in GUIDES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("draws", "0003_guide"), ("draws", "0002_streams_and_editors")]

    operations = [
        migrations.RunPython(seed_guides, remove_guides),
        migrations.RunPython(let_editors_keep_guides, migrations.RunPython.noop),
    ]
