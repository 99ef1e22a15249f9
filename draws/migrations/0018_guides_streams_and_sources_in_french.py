"""The guides, the streams' standing and who qualifies, and the guides' sources in French
(issue 17), so a French reader of a guide, a stream or a category meets no English.

Ours, translated from the English as 0004, 0012, 0013, 0015 and 0016 left it, in plain
Canadian French with IRCC's terms (Système de classement global, note minimale, ronde
d'invitations, invitation à présenter une demande, catégorie FEER, évaluation des diplômes
d'études). The links keep IRCC's English addresses: canada.ca's French twin of each page is
one click away there, and an address we are not sure of would be a broken link.

A French field is filled only when it is empty (an editor's French is kept) and only when
its English twin is still the text translated here (a body by its SHA-256, shorter fields
as they are): an English text an editor has changed since gets its French from the editor,
not from an older translation. Going back empties only the French this migration wrote.
"""

import hashlib

from django.db import migrations, models

BODY_CEC = """\
## À qui s'adresse le programme

La Catégorie de l'expérience canadienne (CEC) est la voie d'Entrée express pour les personnes qui ont déjà occupé un emploi qualifié au Canada. La plupart des candidats sont des travailleurs étrangers temporaires ou des diplômés étrangers qui travaillent avec un permis de travail postdiplôme. Le programme récompense l'expérience déjà acquise ici : il n'y a donc aucune exigence d'études ni de grille de 67 points comme celle du Programme des travailleurs qualifiés (fédéral).

Répondre aux critères de la CEC vous fait entrer dans le bassin d'Entrée express. Cela ne garantit pas une invitation. Les invitations vont aux candidats les mieux classés, selon leur note au Système de classement global (SCG).

## L'admissibilité en un coup d'œil

| Exigence | Ce qu'il vous faut |
|---|---|
| Expérience de travail au Canada | Au moins 1 an (1 560 heures) de travail qualifié et rémunéré au Canada dans les 3 années précédant votre demande |
| Niveau de la profession | Catégorie FEER 0, 1, 2 ou 3 de la Classification nationale des professions (CNP) |
| Langue | CLB/NCLC 7 pour un emploi de catégorie FEER 0 ou 1, CLB/NCLC 5 pour un emploi de catégorie FEER 2 ou 3, dans les quatre habiletés |
| Études | Pas exigées, mais elles rapportent des points au SCG |
| Preuve de fonds | Pas exigée |
| Lieu de résidence | Toute province ou tout territoire, sauf le Québec |

## Les exigences en détail

### Expérience de travail qualifié

- **Combien :** un an de travail à temps plein, qu'IRCC compte comme 1 560 heures. Seules 30 heures par semaine comptent : les heures supplémentaires ne vous y mèneront pas plus vite.
- **Comment l'atteindre :** un emploi à temps plein, plusieurs emplois en même temps, ou du travail à temps partiel réparti sur une plus longue période. Par exemple, 15 heures par semaine pendant 24 mois donnent 1 560 heures.
- **Quand :** dans les 3 années précédant votre demande.
- **Où et comment :** au Canada, pendant que vous aviez le statut de résident temporaire avec l'autorisation de travailler. Le travail doit avoir été rémunéré par un salaire ou des commissions. Le bénévolat et les stages non rémunérés ne comptent pas.
- **Quel niveau :** votre emploi doit faire partie des catégories FEER 0, 1, 2 ou 3 de la CNP. Trouvez le code CNP de votre emploi et vérifiez que vos tâches correspondent à sa description.
- **Ce qui ne compte pas :** le travail autonome, et tout travail fait pendant que vous étiez étudiant à temps plein, y compris les stages d'alternance travail-études. IRCC prévoit une exception temporaire pour certains médecins qui étaient travailleurs autonomes en offrant des services médicaux financés par l'État au Canada.

### Langue

Il vous faut les résultats d'un test approuvé : CELPIP-General, IELTS General Training ou PTE Core pour l'anglais, ou TEF Canada ou TCF Canada pour le français. Le minimum exigé dépend de la catégorie FEER de votre expérience admissible :

| Votre expérience de travail au Canada | Minimum dans chacune des habiletés (lecture, écriture, compréhension de l'oral et expression orale) |
|---|---|
| FEER 0 ou 1 | CLB 7 (anglais) ou NCLC 7 (français) |
| FEER 2 ou 3 | CLB 5 (anglais) ou NCLC 5 (français) |

Les résultats sont valides pendant deux ans. Ils doivent l'être encore le jour où vous présentez votre demande de résidence permanente, pas seulement quand vous créez votre profil. S'ils expirent pendant que votre profil est dans le bassin, IRCC retire le profil du bassin. Un nouveau profil reçoit une nouvelle heure de soumission, donc un rang plus tardif en cas de départage : passez un nouveau test et ajoutez-en les résultats avant que les anciens expirent.

### Études

La CEC n'a aucune exigence d'études. Vos études comptent tout de même pour votre classement. Un diplôme canadien rapporte des points au SCG, tout comme un diplôme étranger accompagné d'une évaluation des diplômes d'études (EDE) faite par un organisme désigné par IRCC.

### Preuve de fonds

Les candidats de la CEC n'ont pas à prouver qu'ils ont des fonds d'établissement. Si vous êtes aussi admissible au Programme des travailleurs qualifiés (fédéral) ou au Programme des travailleurs de métiers spécialisés (fédéral), tenez quand même à jour la section des fonds de votre profil. Vous ne savez pas d'avance quel programme votre invitation nommera, et ces deux programmes exigent des fonds, sauf si vous en êtes exempté.

### Admissibilité au Canada et Québec

Vous et les membres de votre famille devez être admissibles au Canada. Cela veut dire des examens médicaux, des certificats de police et un dossier sans problème de sécurité ni de fausses déclarations. Vous devez aussi prévoir de vivre hors du Québec, puisque le Québec choisit ses propres immigrants économiques par ses propres programmes.

## Du profil à l'invitation

1. **Préparez vos documents.** Réservez un test de langue et confirmez votre code CNP et votre catégorie FEER. Une EDE est facultative pour la CEC, mais elle ajoute des points si vos études ont été faites hors du Canada.
2. **Créez votre profil Entrée express** dans votre compte d'IRCC. Si vous répondez aux critères d'au moins un programme, votre profil entre dans le bassin. Il y reste jusqu'à 12 mois.
3. **Obtenez votre note au SCG.** Le système note votre profil sur 1 200 et vous classe par rapport à tous les autres candidats du bassin. Mettez votre profil à jour dès qu'un changement survient, comme un nouveau résultat de test ou une année de travail de plus.
4. **Attendez les rondes d'invitations.** IRCC invite les candidats de la CEC dans des rondes pour la CEC seule et dans des rondes par catégorie, comme celles pour la compétence linguistique en français ou pour un groupe de professions; grâce à une désignation provinciale, qui ajoute 600 points et mène à une invitation dans une ronde pour les candidats des provinces; et, quand IRCC en tient, dans des rondes générales ouvertes à tous les programmes. À chaque ronde, les candidats dont la note atteint ou dépasse la note minimale reçoivent une invitation à présenter une demande (IPD).
5. **Présentez votre demande dans les 60 jours.** Après une IPD, vous avez 60 jours pour soumettre une demande de résidence permanente complète : documents, frais, certificats de police et examens médicaux pour vous et votre famille.
6. **Traitement.** IRCC vise à traiter la plupart des demandes complètes d'Entrée express en six mois environ. Si votre demande est acceptée, vous recevez une Confirmation de résidence permanente.

## Questions fréquentes

### Puis-je être admissible à plus d'un programme?

Oui, et c'est le cas de beaucoup de candidats de la CEC. Une personne qui a un an de travail au Canada dans un emploi de catégorie FEER 1 et des résultats de niveau CLB 7 peut aussi répondre aux critères du Programme des travailleurs qualifiés (fédéral). Vous avez un seul profil et une seule note au SCG, et le système vérifie votre admissibilité à chaque programme. Votre invitation indique le programme au titre duquel vous êtes invité.

### Le travail fait pendant mes études compte-t-il?

Non, si vous étiez étudiant à temps plein à ce moment-là, et cela comprend les stages d'alternance travail-études. Le travail qualifié fait après l'obtention de votre diplôme, par exemple avec un permis de travail postdiplôme, compte.

### Ai-je besoin d'une offre d'emploi?

Non. Une offre d'emploi ne fait pas partie des exigences de la CEC. Depuis le 25 mars 2025, les offres d'emploi ne rapportent plus non plus de points au SCG.

### Puis-je présenter une demande si j'ai quitté le Canada?

En général, oui. Ce qui compte, c'est que votre expérience de travail admissible au Canada se situe dans les 3 années précédant votre demande. Surveillez cette période, car l'expérience qui en sort ne compte plus.

### Il me manque quelques heures pour atteindre 1 560. Puis-je créer mon profil maintenant?

Vous ne pouvez entrer dans le bassin qu'une fois que vous répondez aux critères d'au moins un programme. Si la CEC est votre seule option, attendez d'avoir terminé l'année complète de travail. Créez ensuite votre profil, ou mettez à jour celui que vous avez déjà.

Pour toutes les règles d'IRCC, consultez sa [page officielle sur la Catégorie de l'expérience canadienne](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html).

## Une proposition, pas une règle : une seule catégorie au lieu de trois

Dans son Plan prospectif de la réglementation pour 2026 à 2028, publié en avril 2026, IRCC a
proposé de remplacer les catégories des travailleurs qualifiés (fédéral), de l'expérience
canadienne et des travailleurs de métiers spécialisés (fédéral) par une seule catégorie
fédérale des travailleurs hautement qualifiés, aux critères d'admissibilité simplifiés. IRCC
prévoyait de mener des consultations à ce sujet au printemps 2026. Tant que de nouveaux
règlements n'ont pas été publiés et ne sont pas en vigueur, les règles de cette page sont
celles qui s'appliquent. Source : [le Plan prospectif de la réglementation d'IRCC](https://www.canada.ca/en/immigration-refugees-citizenship/corporate/transparency/acts-regulations/forward-regulatory-plan.html).
"""

BODY_FSW = """\
## À qui s'adresse le programme

Le Programme des travailleurs qualifiés (fédéral) (PTQF) est la principale voie d'Entrée express pour les professionnels qualifiés qui n'ont peut-être jamais travaillé au Canada. Votre expérience peut avoir été acquise n'importe où dans le monde. C'est pourquoi le programme vous en demande plus au départ que la Catégorie de l'expérience canadienne : des résultats linguistiques plus élevés, des études reconnues, des fonds d'établissement et la réussite d'une grille de sélection de 67 points.

Réussir la grille vous fait entrer dans le bassin d'Entrée express. Vous y êtes ensuite en concurrence selon votre note au Système de classement global (SCG), un système de points distinct.

## Exigences minimales

### Expérience de travail qualifié

- **Combien :** au moins un an de travail rémunéré **continu**, soit 1 560 heures comptées à raison de 30 heures par semaine. Le travail à temps partiel compte s'il atteint le même total sans interruption dans la période.
- **Quand :** au cours des 10 dernières années.
- **Où :** au Canada ou à l'étranger.
- **Quel niveau :** catégorie FEER 0, 1, 2 ou 3 de la Classification nationale des professions (CNP).
- **Quel emploi :** l'expérience doit avoir été acquise dans votre *profession principale*, c'est-à-dire l'emploi que vous voulez faire valoir pour immigrer. Vos tâches doivent correspondre à la description de cette profession dans la CNP : vous devez avoir fait ce que décrit son énoncé principal, toutes ses fonctions essentielles et la plupart de ses fonctions principales.
- **Rémunéré :** vous devez avoir touché un salaire ou des commissions. Le bénévolat et les stages non rémunérés ne comptent pas.

### Langue

Il vous faut au moins **le niveau CLB 7 en anglais ou NCLC 7 en français dans les quatre habiletés** : lecture, écriture, compréhension de l'oral et expression orale. Les tests approuvés sont CELPIP-General, IELTS General Training et PTE Core pour l'anglais, et TEF Canada et TCF Canada pour le français. Les résultats sont valides pendant deux ans et doivent l'être encore quand vous présentez votre demande de résidence permanente.

### Études

Il vous faut un diplôme canadien d'études secondaires ou postsecondaires, ou un diplôme étranger d'études terminées, accompagné d'une **évaluation des diplômes d'études (EDE)**. L'EDE doit être faite par un organisme désigné par IRCC et à des fins d'immigration. Elle montre à quoi votre diplôme étranger équivaut au Canada. Les rapports d'EDE sont valides pendant cinq ans.

### La grille de sélection de 67 points

IRCC note six facteurs sur 100, et il vous faut **au moins 67** pour être admissible. Cette grille décide seulement si vous pouvez entrer dans le bassin. Votre rang dans le bassin dépend du SCG.

| Facteur | Maximum de points | Ce qui les rapporte |
|---|---|---|
| Langue | 28 | Jusqu'à 24 pour votre première langue officielle (4 à 6 par habileté, du niveau CLB 7 au niveau 9 et plus), plus 4 pour le niveau CLB 5 ou plus dans toutes les habiletés de l'autre langue |
| Études | 25 | De 5 pour des études secondaires jusqu'à 25 pour un doctorat |
| Expérience de travail | 15 | 9 pour un an, 11 pour 2 ou 3 ans, 13 pour 4 ou 5 ans, 15 pour 6 ans ou plus |
| Âge | 12 | Tous les points de 18 à 35 ans, un de moins par année ensuite, aucun à partir de 47 ans |
| Emploi réservé | 10 | Une offre valide d'au moins un an de travail à temps plein au Canada |
| Capacité d'adaptation | 10 | Par exemple, un travail qualifié antérieur au Canada, des études antérieures au Canada, de la parenté au Canada, ou la langue, les études ou le travail de votre époux ou conjoint |
| **Total** | **100** | **Note de passage : 67** |

Un exemple typique : une personne de 30 ans titulaire d'une maîtrise, avec le niveau CLB 9 en anglais et trois ans d'expérience, obtient 24 + 23 + 11 + 12 = 70. Elle réussit sans offre d'emploi ni points de capacité d'adaptation.

### Preuve de fonds

Sauf si vous en êtes exempté, vous devez prouver que vous avez assez d'argent pour vous établir au Canada. L'argent doit être facilement accessible, non emprunté, et vous ne pouvez pas compter la valeur nette d'un bien immobilier. Vous en êtes exempté si vous êtes actuellement autorisé à travailler au Canada **et** avez une offre d'emploi valide d'un employeur canadien.

Le montant dépend de la taille de votre famille. Comptez-vous, votre époux ou conjoint de fait et vos enfants à charge, ainsi que les enfants à charge de votre époux ou conjoint. Comptez-les même s'ils sont citoyens canadiens ou résidents permanents, ou s'ils ne vous accompagnent pas.

| Membres de la famille | Fonds exigés (en dollars canadiens) |
|---|---|
| 1 | 15 263 $ |
| 2 | 19 001 $ |
| 3 | 23 360 $ |
| 4 | 28 362 $ |
| 5 | 32 168 $ |
| 6 | 36 280 $ |
| 7 | 40 392 $ |
| Chaque membre de plus | 4 112 $ |

IRCC met ces montants à jour environ une fois par année, à 50 % du seuil de faible revenu. Les montants ci-dessus sont ceux de la mise à jour entrée en vigueur le **7 juillet 2025**. Consultez la [page d'IRCC sur la preuve de fonds](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/proof-funds.html) avant de présenter votre demande. Si vous êtes déjà dans le bassin quand le tableau change, vous devez mettre votre profil à jour. Cela ne change pas votre rang en cas de départage.

### Admissibilité au Canada et Québec

Vous et votre famille devez être admissibles au Canada. Cela veut dire des examens médicaux, des certificats de police et aucun problème de sécurité ni de fausses déclarations. Vous devez aussi prévoir de vivre hors du Québec, qui choisit ses propres travailleurs qualifiés.

## Du profil à l'invitation

1. **Préparez-vous.** Passez un test de langue approuvé, obtenez une EDE pour vos études faites à l'étranger, trouvez votre code CNP et calculez votre note dans la grille de 67 points.
2. **Créez votre profil Entrée express.** Si vous réussissez la grille et répondez aux autres exigences minimales, vous entrez dans le bassin pour un maximum de 12 mois.
3. **Obtenez votre rang.** Votre note au SCG, sur 1 200, fixe votre place dans le bassin. Tenez votre profil à jour.
4. **Rondes d'invitations.** IRCC tient rarement une ronde pour les seuls candidats du PTQF. Ils sont invités dans des rondes par catégorie, comme celles pour la compétence linguistique en français ou pour un groupe de professions; grâce à une désignation provinciale, qui ajoute 600 points et mène à une invitation dans une ronde pour les candidats des provinces; et, quand IRCC en tient, dans des rondes générales ouvertes à tous les programmes. Les candidats dont la note atteint ou dépasse la note minimale d'une ronde reçoivent une invitation à présenter une demande (IPD).
5. **Présentez votre demande dans les 60 jours.** Soumettez une demande de résidence permanente complète, avec les documents, les frais, les certificats de police, les examens médicaux et la preuve de fonds.
6. **Traitement.** IRCC vise à traiter la plupart des demandes complètes d'Entrée express en six mois environ.

## Questions fréquentes

### La grille de 67 points est-elle la même chose que ma note au SCG?

Non. La grille est une vérification réussite-échec sur 100 qui décide si vous pouvez entrer dans le bassin comme candidat du PTQF. Le SCG, sur 1 200, vous classe une fois que vous y êtes. Une note élevée dans la grille n'augmente pas votre note au SCG.

### Puis-je être admissible à plus d'un programme?

Oui. Si vous avez aussi un an de travail qualifié au Canada, vous pouvez également répondre aux critères de la Catégorie de l'expérience canadienne. Une personne de métier peut aussi répondre aux critères du Programme des travailleurs de métiers spécialisés (fédéral). Vous gardez un seul profil et une seule note au SCG, et votre invitation nomme le programme au titre duquel vous êtes invité.

### Une offre d'emploi aide-t-elle encore?

Dans la grille du PTQF, oui. Une offre d'emploi valide peut rapporter jusqu'à 10 points pour l'emploi réservé et jusqu'à 5 points de capacité d'adaptation, et elle peut vous exempter de la preuve de fonds si vous êtes déjà autorisé à travailler au Canada. Toutefois, depuis le 25 mars 2025, une offre d'emploi ne rapporte plus aucun point au SCG.

### Mon expérience de travail doit-elle être continue?

Pour le minimum d'un an, oui. Il doit s'agir d'une seule période ininterrompue de travail rémunéré dans la même profession. Les années de plus au-delà du minimum rapportent des points dans la grille.

### Mon EDE ou mon test de langue va bientôt expirer. Que se passe-t-il?

Si l'un ou l'autre expire pendant que votre profil est dans le bassin, vous ne répondez plus aux exigences et IRCC retire votre profil du bassin. Un nouveau profil reçoit une nouvelle heure de soumission, donc un rang plus tardif en cas de départage. Repassez le test ou renouvelez l'évaluation avant que l'ancien document expire, et ajoutez le nouveau à votre profil : la mise à jour d'un profil conserve son heure de soumission.

Pour toutes les règles d'IRCC, consultez sa [page officielle sur le Programme des travailleurs qualifiés (fédéral)](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/federal-skilled-workers.html) et celle sur les [six facteurs de sélection](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html).

## Une proposition, pas une règle : une seule catégorie au lieu de trois

Dans son Plan prospectif de la réglementation pour 2026 à 2028, publié en avril 2026, IRCC a
proposé de remplacer les catégories des travailleurs qualifiés (fédéral), de l'expérience
canadienne et des travailleurs de métiers spécialisés (fédéral) par une seule catégorie
fédérale des travailleurs hautement qualifiés, aux critères d'admissibilité simplifiés. IRCC
prévoyait de mener des consultations à ce sujet au printemps 2026. Tant que de nouveaux
règlements n'ont pas été publiés et ne sont pas en vigueur, les règles de cette page sont
celles qui s'appliquent. Source : [le Plan prospectif de la réglementation d'IRCC](https://www.canada.ca/en/immigration-refugees-citizenship/corporate/transparency/acts-regulations/forward-regulatory-plan.html).
"""

BODY_FST = """\
## À qui s'adresse le programme

Le Programme des travailleurs de métiers spécialisés (fédéral) (PTMSF) est la voie d'Entrée express pour les gens de métier qualifiés, comme les électriciens, les plombiers, les soudeurs, les charpentiers-menuisiers, les mécaniciens d'équipement lourd et les chefs. Par rapport au Programme des travailleurs qualifiés (fédéral), les exigences linguistiques sont moins élevées, et il n'y a ni exigence d'études ni grille de points. En échange, il vous faut plus d'expérience pratique. Il vous faut aussi un lien concret avec le marché du travail canadien : une offre d'emploi ou un certificat de qualification canadien dans votre métier.

Répondre aux critères du PTMSF vous fait entrer dans le bassin d'Entrée express. Les invitations dépendent ensuite de votre note au Système de classement global (SCG) et du type de rondes que tient IRCC.

## Exigences minimales

### Expérience de travail dans un métier spécialisé

- **Combien :** au moins **2 ans de travail à temps plein**, soit 3 120 heures, ou l'équivalent à temps partiel.
- **Quand :** dans les **5 années** précédant votre demande.
- **Rémunéré :** le travail doit vous avoir rapporté un salaire ou des commissions. Le bénévolat et les stages non rémunérés ne comptent pas.
- **Qualifié :** le travail ne compte qu'à partir du moment où vous étiez qualifié pour exercer le métier de façon autonome. Vos tâches doivent correspondre à la description du métier dans la CNP. Vous devez aussi répondre aux conditions d'accès à la profession que prévoit la CNP, sauf qu'un certificat de qualification n'est pas nécessaire pour que votre expérience compte.
- **Quels métiers :** l'expérience doit avoir été acquise dans l'un des groupes suivants de la Classification nationale des professions (CNP) de 2021. Ce sont tous des professions des catégories FEER 2 ou 3.

| Groupe de la CNP | Comprend |
|---|---|
| Grand groupe 72, sauf le sous-grand groupe 726 | Les métiers techniques, comme les métiers de l'électricité, de la construction, de l'industrie et de la mécanique (les agents et contrôleurs des transports en sont exclus) |
| Grand groupe 73 | Les métiers généraux, comme les métiers de l'entretien et de la conduite d'équipement |
| Grand groupe 82 | Les superviseurs dans les ressources naturelles, l'agriculture et la production connexe |
| Grand groupe 83 | Les professions des ressources naturelles et de la production connexe |
| Grand groupe 92 | Les superviseurs de la transformation, de la fabrication et des services d'utilité publique, et les opérateurs et contrôleurs des services d'utilité publique |
| Grand groupe 93, sauf le sous-grand groupe 932 | Les opérateurs de poste central de contrôle et de procédés (les monteurs et contrôleurs d'aéronefs en sont exclus) |
| Sous-groupe 6320 | Les cuisiniers, les bouchers et les boulangers |
| Groupe de base 62200 | Les chefs |

### Langue

Il vous faut les résultats d'un test approuvé (CELPIP-General, IELTS General Training ou PTE Core pour l'anglais, ou TEF Canada ou TCF Canada pour le français). Vous devez aussi atteindre ces minimums :

| Habileté | Anglais | Français |
|---|---|---|
| Expression orale et compréhension de l'oral | CLB 5 | NCLC 5 |
| Lecture et écriture | CLB 4 | NCLC 4 |

Les résultats sont valides pendant deux ans et doivent l'être encore quand vous présentez votre demande de résidence permanente. S'ils expirent pendant que votre profil est dans le bassin, IRCC retire le profil du bassin. Un nouveau profil reçoit une nouvelle heure de soumission, donc un rang plus tardif en cas de départage : passez un nouveau test et ajoutez-en les résultats avant que les anciens expirent.

### Une offre d'emploi ou un certificat de qualification

Il vous faut **au moins l'un** des deux :

- **Une offre d'emploi valide** pour un travail à temps plein dans votre métier, d'une durée totale d'au moins un an. IRCC a des règles précises sur ce qui rend une offre valide. Dans la plupart des cas, l'offre doit être appuyée par une étude d'impact sur le marché du travail (EIMT) ou relever d'une dispense d'EIMT reconnue.
- **Un certificat de qualification** dans votre métier, délivré par une autorité provinciale ou territoriale canadienne, ou par une autorité fédérale pour les métiers de compétence fédérale. L'organisme de certification évalue habituellement votre formation et votre expérience, et vous pourriez devoir réussir un examen. La démarche varie d'une province ou d'un territoire à l'autre.

### Études

Il n'y a aucune exigence d'études. Vos études peuvent tout de même rapporter des points au SCG si vous avez un diplôme canadien, ou un diplôme étranger accompagné d'une évaluation des diplômes d'études (EDE).

### Preuve de fonds

Sauf si vous en êtes exempté, vous devez prouver que vous avez assez d'argent pour vous établir au Canada. Les fonds doivent être à votre disposition, non empruntés, et ne peuvent pas comprendre la valeur nette d'un bien immobilier. Vous en êtes exempté si vous êtes actuellement autorisé à travailler au Canada **et** avez une offre d'emploi valide.

Comptez-vous, votre époux ou conjoint de fait, vos enfants à charge et les enfants à charge de votre époux ou conjoint. Comptez-les même s'ils ne vous accompagnent pas ou s'ils sont déjà canadiens.

| Membres de la famille | Fonds exigés (en dollars canadiens) |
|---|---|
| 1 | 15 263 $ |
| 2 | 19 001 $ |
| 3 | 23 360 $ |
| 4 | 28 362 $ |
| 5 | 32 168 $ |
| 6 | 36 280 $ |
| 7 | 40 392 $ |
| Chaque membre de plus | 4 112 $ |

IRCC révise ces montants environ une fois par année. Ce tableau reflète la mise à jour entrée en vigueur le **7 juillet 2025**. Consultez toujours la [page d'IRCC sur la preuve de fonds](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/proof-funds.html) pour les montants en vigueur. Si le tableau change pendant que vous êtes dans le bassin, vous devez mettre votre profil à jour.

### Admissibilité au Canada et Québec

Vous et votre famille devez être admissibles au Canada, ce qui exige des examens médicaux et des certificats de police. Vous devez aussi prévoir de vivre hors du Québec, puisque le Québec choisit ses propres travailleurs qualifiés.

## Du profil à l'invitation

1. **Préparez-vous.** Trouvez le code CNP de votre métier, passez un test de langue, et obtenez une offre d'emploi admissible ou commencez la démarche de certification auprès de l'organisme provincial ou territorial de votre métier.
2. **Créez votre profil Entrée express.** Si vous répondez aux critères du PTMSF, ou à ceux d'un autre programme, vous entrez dans le bassin pour un maximum de 12 mois.
3. **Obtenez votre rang.** Votre note au SCG, sur 1 200, fixe votre position. Un certificat de qualification jumelé à de bons résultats linguistiques peut ajouter des points de transférabilité des compétences.
4. **Rondes d'invitations.** Des rondes pour les seuls candidats du PTMSF ont eu lieu les années précédentes et sont devenues rares; l'encadré en haut de cette page montre la plus récente. Les candidats du PTMSF sont invités dans des rondes par catégorie, comme celles pour la compétence linguistique en français ou pour un groupe de professions; grâce à une désignation provinciale, qui ajoute 600 points et mène à une invitation dans une ronde pour les candidats des provinces; et, quand IRCC en tient, dans des rondes générales ouvertes à tous les programmes. Une catégorie vise les métiers. Les candidats dont la note atteint ou dépasse la note minimale d'une ronde reçoivent une invitation à présenter une demande (IPD).
5. **Présentez votre demande dans les 60 jours.** Soumettez une demande de résidence permanente complète, avec les documents, les frais, les certificats de police et les examens médicaux.
6. **Traitement.** IRCC vise à traiter la plupart des demandes complètes d'Entrée express en six mois environ.

## Questions fréquentes

### Ai-je besoin à la fois d'une offre d'emploi et d'un certificat de qualification?

Non, l'un des deux suffit. Beaucoup de candidats qui travaillent au Canada font valoir une offre d'emploi. Les personnes encore à l'étranger passent souvent par le certificat, mais vérifiez si votre province ou territoire vous permet de commencer l'évaluation depuis l'extérieur du Canada.

### Le PTMSF est-il la même chose que la catégorie « métiers spécialisés »?

Non. Le PTMSF fixe les règles minimales pour entrer dans le bassin comme personne de métier. La catégorie des métiers est une façon dont IRCC choisit des candidats dans certaines rondes. Vous pouvez être invité dans une ronde de la catégorie des métiers au titre du PTMSF, de la Catégorie de l'expérience canadienne ou du Programme des travailleurs qualifiés (fédéral), pourvu que vous répondiez aux critères d'expérience de cette catégorie.

### Puis-je être admissible à plus d'un programme?

Souvent, oui. Une personne de métier qui a un an de travail qualifié au Canada peut aussi répondre aux critères de la Catégorie de l'expérience canadienne. Vous avez un seul profil et une seule note au SCG, et votre invitation nomme le programme au titre duquel vous êtes invité.

### Mon offre d'emploi ajoute-t-elle des points au SCG?

Plus maintenant. Depuis le 25 mars 2025, les offres d'emploi ne rapportent aucun point au SCG. Pour le PTMSF, toutefois, une offre d'emploi valide reste l'une des façons de répondre aux exigences du programme, et elle peut vous exempter de la preuve de fonds.

Pour toutes les règles d'IRCC, consultez sa [page officielle sur le Programme des travailleurs de métiers spécialisés (fédéral)](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/federal-skilled-trades.html).

## Une proposition, pas une règle : une seule catégorie au lieu de trois

Dans son Plan prospectif de la réglementation pour 2026 à 2028, publié en avril 2026, IRCC a
proposé de remplacer les catégories des travailleurs qualifiés (fédéral), de l'expérience
canadienne et des travailleurs de métiers spécialisés (fédéral) par une seule catégorie
fédérale des travailleurs hautement qualifiés, aux critères d'admissibilité simplifiés. IRCC
prévoyait de mener des consultations à ce sujet au printemps 2026. Tant que de nouveaux
règlements n'ont pas été publiés et ne sont pas en vigueur, les règles de cette page sont
celles qui s'appliquent. Source : [le Plan prospectif de la réglementation d'IRCC](https://www.canada.ca/en/immigration-refugees-citizenship/corporate/transparency/acts-regulations/forward-regulatory-plan.html).
"""

BODY_CRS = """\
## Ce que fait le SCG

Chaque profil du bassin d'Entrée express reçoit une note au Système de classement global (SCG) sur **1 200**. Cette note n'a rien à voir avec votre *admissibilité*. Celle-ci dépend des critères de la Catégorie de l'expérience canadienne, du Programme des travailleurs qualifiés (fédéral) ou du Programme des travailleurs de métiers spécialisés (fédéral). Ce que le SCG décide, c'est votre *rang*. À chaque ronde d'invitations, IRCC invite les candidats du haut du classement jusqu'à une note minimale.

## Les quatre parties de la note

| Partie | Maximum de points |
|---|---|
| A. Facteurs de base liés au capital humain | 500 sans époux ou conjoint de fait, 460 avec |
| B. Facteurs liés à l'époux ou au conjoint de fait | 40 (seulement si votre époux ou conjoint vous accompagne) |
| C. Transférabilité des compétences | 100 |
| D. Points supplémentaires | 600 |
| **Total** | **1 200** |

Si votre époux ou conjoint de fait vient au Canada avec vous, votre propre maximum pour les facteurs de base passe à 460, et jusqu'à 40 points peuvent venir de votre époux ou conjoint. Dans les deux cas, les parties A et B ensemble sont plafonnées à 500. Si votre époux ou conjoint est citoyen canadien ou résident permanent, ou ne vous accompagne pas, vous êtes noté comme un demandeur seul.

## A. Facteurs de base liés au capital humain

Ces points tiennent compte de votre âge, de vos études, de vos compétences linguistiques et de votre expérience de travail au Canada.

| Facteur | Sans époux ou conjoint | Avec époux ou conjoint | Ce qui fait varier les points |
|---|---|---|---|
| Âge | 110 | 100 | Tous les points de 20 à 29 ans, moins chaque année ensuite, aucun à partir de 45 ans |
| Études | 150 | 140 | Augmentent des études secondaires jusqu'au doctorat |
| Première langue officielle | 136 | 128 | Jusqu'à 34 (ou 32) par habileté, avec de grands sauts aux niveaux CLB 7 et CLB 9 |
| Deuxième langue officielle | 24 | 22 | Jusqu'à 6 par habileté |
| Expérience de travail au Canada | 80 | 70 | Travail qualifié au Canada, d'un an jusqu'à 5 ans ou plus |

La langue est le levier le plus important. Atteindre le niveau CLB 9 dans les quatre habiletés ajoute des points de base. Cela donne aussi droit au maximum des points de transférabilité des compétences pour les combinaisons qui font intervenir la langue.

## B. Facteurs liés à l'époux ou au conjoint de fait

Si votre époux ou conjoint vous accompagne, il peut ajouter jusqu'à **40 points** : jusqu'à 10 pour ses études, 20 pour ses résultats dans sa première langue et 10 pour son expérience de travail au Canada.

## C. Transférabilité des compétences

Cette partie récompense des combinaisons qui vont souvent de pair avec de bons résultats sur le marché du travail. Elle est plafonnée à **100 points** au total.

- **Les études**, combinées à de bons résultats linguistiques ou à une expérience de travail au Canada : jusqu'à 50 points.
- **L'expérience de travail à l'étranger**, combinée à de bons résultats linguistiques ou à une expérience de travail au Canada : jusqu'à 50 points.
- **Un certificat de qualification** dans un métier, combiné à des résultats linguistiques : jusqu'à 50 points.

Pour les études et l'expérience à l'étranger, la combinaison avec la langue commence à rapporter au niveau CLB 7 et atteint son maximum au niveau CLB 9. Pour un certificat de qualification, elle commence au niveau CLB 5 et culmine au niveau CLB 7.

## D. Points supplémentaires

| Facteur | Points |
|---|---|
| Désignation d'une province ou d'un territoire | 600 |
| Bonne maîtrise du français (NCLC 7 ou plus dans les quatre habiletés) | 25, ou 50 si vous avez aussi le niveau CLB 5 ou plus en anglais |
| Études postsecondaires terminées au Canada | 15 pour un diplôme d'un ou deux ans; 30 pour un diplôme de trois ans ou plus, une maîtrise, un diplôme professionnel d'admission à la profession ou un doctorat |
| Frère ou sœur au Canada (citoyen ou résident permanent, âgé de 18 ans ou plus, vivant au Canada) | 15 |
| Emploi réservé (offre d'emploi) | 0 depuis le 25 mars 2025 |

Cette partie est plafonnée à **600**. Une désignation provinciale à elle seule atteint tout le plafond, ce qui explique pourquoi les candidats des provinces se classent tout en haut du bassin.

### Les offres d'emploi ne rapportent plus de points au SCG

Jusqu'au 25 mars 2025, une offre d'emploi valide ajoutait 50 points, ou 200 pour un poste de cadre supérieur. IRCC a retiré ces points à cette date pour tous les candidats du bassin, et les notes ont été recalculées. Les candidats déjà invités ou qui avaient déjà présenté leur demande n'ont pas été touchés. Une offre d'emploi peut toutefois encore compter pour l'*admissibilité*. C'est l'une des deux façons de répondre aux critères du Programme des travailleurs de métiers spécialisés (fédéral), et elle peut exempter les candidats du PTQF et du PTMSF de la preuve de fonds. Elle compte aussi toujours dans la grille de 67 points du Programme des travailleurs qualifiés (fédéral), un système distinct du SCG.

## Comment les rondes d'invitations utilisent votre note

- **Les rondes générales** classent ensemble tous les candidats du bassin.
- **Les rondes propres à un programme** ne retiennent que les candidats admissibles à un programme, comme la Catégorie de l'expérience canadienne ou le Programme des candidats des provinces.
- **Les rondes par catégorie** ne retiennent que les candidats qui répondent aux critères d'une catégorie, comme la compétence linguistique en français ou une expérience de travail récente dans un groupe de professions ciblé. Les candidats sont classés selon le SCG *à l'intérieur de cette catégorie seulement*, ce qui explique pourquoi les notes minimales des catégories peuvent être beaucoup plus basses ou plus hautes que celles des rondes générales. Depuis le 18 février 2026, les catégories de professions exigent en général au moins un an d'expérience de travail dans une profession admissible au cours des trois dernières années. Cette année n'a plus à être continue.

### Départage

Il arrive souvent que plusieurs candidats aient la note minimale de la ronde. Dans ce cas, IRCC classe les candidats à égalité selon la date et l'heure où ils ont soumis leur profil, du plus ancien au plus récent. Les résultats de chaque ronde donnent la date et l'heure de la règle de départage. Tous les candidats au-dessus de la note minimale sont invités, ainsi que tous ceux qui ont *exactement* la note minimale et qui ont soumis leur profil avant ce moment. La mise à jour de votre profil ne change pas votre heure de soumission. Retirer votre profil et en créer un nouveau la change. La perte du profil aussi : quand vos résultats de test de langue ont deux ans, IRCC retire votre profil du bassin, et le nouveau profil que vous créez reçoit une nouvelle heure de soumission, donc un rang plus tardif en cas de départage. Ajoutez de nouveaux résultats avant que les anciens expirent.

## Conseils pratiques

- Votre note ne vaut que ce que valent vos preuves. Chaque affirmation doit être appuyée par des documents au moment de la demande, et une invitation fondée sur des points que vous ne pouvez pas prouver peut mener à un refus.
- Repasser un test de langue est souvent le moyen le plus rapide de gagner des points, surtout si vous êtes près du niveau CLB 9.
- Une année de plus d'expérience de travail au Canada, un deuxième diplôme ou le test de langue de votre époux ou conjoint peuvent tous faire bouger votre note.
- Tenez votre profil à jour. Certains changements, comme un anniversaire, peuvent faire baisser votre note. Les nouveaux résultats de test, diplômes et expériences de travail ne comptent qu'une fois que vous les avez ajoutés.

Estimez votre note avec l'[outil officiel du SCG](https://ircc.canada.ca/english/immigrate/skilled/crs-tool.asp) d'IRCC, et lisez les grilles de points complètes sur la [page des critères du SCG](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html).
"""

BODY_APPLYING = """\
## Ce que couvre ce guide

Ce dont une demande complète d'Entrée express a besoin en plus d'une note assez élevée : les
frais, la preuve que vous pouvez subvenir à vos besoins, les résultats de test de langue,
l'évaluation des études faites hors du Canada et, pour beaucoup de candidats maintenant, une
désignation d'une province ou d'un territoire. Les pages d'IRCC, liées dans chaque section,
font autorité; les montants changent, et chacun est donc donné avec sa date d'entrée en
vigueur.

## Frais

Vous ne payez rien pour créer un profil ni pour entrer dans le bassin. Vous payez quand vous
présentez votre demande de résidence permanente après une invitation :

| Frais | Montant (à partir du 30 avril 2026) | Qui les paie |
|---|---|---|
| Frais de traitement | 990 $ | Vous, et votre époux ou conjoint de fait s'il vous accompagne; des frais moins élevés pour chaque enfant à charge |
| Frais relatifs au droit de résidence permanente | 600 $ | Vous, et votre époux ou conjoint de fait; pas les enfants à charge. IRCC les rembourse si la demande est refusée ou retirée |
| Données biométriques (empreintes digitales et photo) | 85 $ par personne, au plus 170 $ pour une famille qui présente sa demande ensemble | Toutes les personnes qui doivent fournir leurs données biométriques |

Ce sont les montants qu'IRCC a fixés pour les demandes reçues à partir du 30 avril 2026; il
les rajuste selon l'inflation tous les deux ans. Consultez la [liste des frais](https://ircc.canada.ca/english/information/fees/fees.asp) d'IRCC le
jour où vous payez : une demande reçue après un changement paie les nouveaux montants.

## Preuve de fonds d'établissement

Les candidats du Programme des travailleurs qualifiés (fédéral) et du Programme des
travailleurs de métiers spécialisés (fédéral) doivent prouver qu'ils ont assez d'argent pour
s'établir, sauf s'ils sont autorisés à travailler au Canada maintenant et ont une offre
d'emploi valide. Les candidats de la Catégorie de l'expérience canadienne n'ont pas à le faire.

Le montant dépend de la taille de votre famille, en comptant les membres de la famille qui ne
vous accompagneront pas. IRCC met son tableau à jour environ une fois par année; ce guide ne
le reproduit donc pas : lisez les montants en vigueur sur la [page d'IRCC sur la preuve de fonds](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/proof-funds.html), et mettez votre profil à jour si le
tableau change pendant que vous êtes dans le bassin.

Pour prouver que vous avez l'argent, IRCC demande une lettre officielle de chaque banque ou
institution financière où vous le gardez, imprimée sur son papier à en-tête avec ses
coordonnées. Chaque lettre donne votre nom, le numéro de chaque compte, sa date
d'ouverture, son solde actuel et son solde moyen des six derniers mois, ainsi que vos
dettes, comme les prêts et les soldes de cartes de crédit. L'argent doit être à votre
disposition, non emprunté, et il ne peut pas comprendre la valeur nette d'un bien immobilier.

## Les tests de langue et leurs équivalences

Chaque candidat a besoin des résultats d'un test accepté par IRCC, datant de moins de deux ans
au moment de la demande : pour l'anglais, CELPIP-General, IELTS General Training ou PTE Core;
pour le français, TEF Canada ou TCF Canada. IRCC convertit les résultats de chaque test en
niveaux CLB pour l'anglais et en Niveaux de compétence
linguistique canadiens (NCLC) pour le français, habileté par habileté : voyez ses [tableaux
d'équivalence des tests de langue](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements/language-testing.html). La
calculatrice du SCG de ce site utilise les mêmes tableaux.

## Les diplômes obtenus hors du Canada

Pour faire compter des études faites hors du Canada, pour le Programme des travailleurs
qualifiés (fédéral) ou pour des points au SCG, il vous faut une évaluation des diplômes
d'études (EDE) faite par un organisme désigné par IRCC. Elle doit dater de moins de cinq ans
au moment de la demande.

- <span lang="en">Comparative Education Service</span> (<span lang="en">School of Continuing Studies</span> de l'Université de Toronto)
- <span lang="en">International Credential Assessment Service of Canada</span>
- <span lang="en">International Credential Evaluation Service</span>
- <span lang="en">International Qualifications Assessment Service</span>
- <span lang="en">World Education Services</span>
- Conseil médical du Canada, pour les médecins : ceux dont la profession principale est
  médecin doivent y faire appel
- Bureau des examinateurs en pharmacie du Canada, pour les pharmaciens : ceux dont la
  profession principale est pharmacien, et qui ont besoin d'un permis d'exercice, doivent y
  faire appel

Voyez la page d'IRCC sur [l'évaluation de vos études](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/education-assessed.html). Une EDE n'est pas un permis
d'exercice : une profession réglementée exige aussi le permis d'exercice de la province.

## Une désignation provinciale par Entrée express

Une province ou un territoire peut désigner des candidats d'Entrée express par les volets
qu'il lie à Entrée express. Une désignation ajoute 600 points à votre note, ce qui mène à une
invitation dans la prochaine ronde pour les candidats des provinces. Il y a deux façons d'en
obtenir une :

1. **Une province vous trouve.** Certaines provinces parcourent le bassin et envoient une
   notification d'intérêt dans votre compte Entrée express. Vous présentez alors une demande
   directement au volet de cette province.
2. **Vous vous adressez d'abord à une province.** Vous présentez une demande à l'un de ses
   volets liés à Entrée express et, si elle vous désigne, vous créez ou mettez à jour votre
   profil Entrée express et acceptez la désignation dans votre compte.

Dans les deux cas, vous devez aussi être admissible à l'un des trois programmes d'Entrée
express, et vous devez avoir l'intention de vivre dans la province qui vous désigne. Les
autres volets d'une province, hors d'Entrée express, mènent à une demande sur papier, sans
les 600 points. Voyez la page d'IRCC sur les [candidats des provinces](https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/provincial-nominees.html).
"""

# slug -> {field: (the English translated, or for a body its hash; the French)}
GUIDES_FR = {
    "cec": {
        "title": ("Canadian Experience Class (CEC)", "Catégorie de l'expérience canadienne (CEC)"),
        "home_title": ("Canadian Experience Class", "Catégorie de l'expérience canadienne"),
        "tagline": ("A year of skilled work in Canada.", "Un an de travail qualifié au Canada."),
        "summary": (
            "Who qualifies for the Canadian Experience Class, with a year of skilled work in Canada, language minimums, no proof of funds, and how invitations work.",
            "Qui est admissible à la Catégorie de l'expérience canadienne\xa0: un an de travail qualifié au Canada, les minimums linguistiques, aucune preuve de fonds, et les invitations.",
        ),
        "body": ("sha256:6af00e025ab5e3f8", BODY_CEC),
    },
    "fsw": {
        "title": (
            "Federal Skilled Worker Program (FSW)",
            "Programme des travailleurs qualifiés (fédéral) (PTQF)",
        ),
        "home_title": ("Federal Skilled Worker", "Travailleurs qualifiés (fédéral)"),
        "tagline": (
            "Skilled work abroad and the 67-point grid.",
            "Le travail qualifié à l'étranger et la grille de 67 points.",
        ),
        "summary": (
            "How the Federal Skilled Worker Program works, covering skilled work in Canada or abroad, CLB 7, education and ECA, the 67-point grid and proof of funds.",
            "Le Programme des travailleurs qualifiés (fédéral)\xa0: travail qualifié au Canada ou à l'étranger, CLB 7, études et EDE, grille de 67 points et preuve de fonds.",
        ),
        "body": ("sha256:886749faa8a16b3d", BODY_FSW),
    },
    "fst": {
        "title": (
            "Federal Skilled Trades Program (FST)",
            "Programme des travailleurs de métiers spécialisés (fédéral) (PTMSF)",
        ),
        "home_title": ("Federal Skilled Trades", "Métiers spécialisés (fédéral)"),
        "tagline": (
            "A qualified trade with a job offer or certificate.",
            "Un métier qualifié avec une offre d'emploi ou un certificat.",
        ),
        "summary": (
            "How the Federal Skilled Trades Program works, covering two years in an eligible trade, CLB 5/4 language, a job offer or certificate, and proof of funds.",
            "Le Programme des travailleurs de métiers spécialisés (fédéral)\xa0: deux ans dans un métier admissible, CLB 5/4, une offre d'emploi ou un certificat, et la preuve de fonds.",
        ),
        "body": ("sha256:757df29e5bef4d71", BODY_FST),
    },
    "crs": {
        "title": ("Comprehensive Ranking System (CRS)", "Système de classement global (SCG)"),
        "home_title": ("How the CRS scores you", "Comment le SCG vous note"),
        "tagline": (
            "The points behind every cut-off.",
            "Les points derrière chaque note minimale.",
        ),
        "summary": (
            "How the Comprehensive Ranking System scores Express Entry profiles out of 1,200, what drives your points, and how cut-offs and tie-breaks work.",
            "Comment le Système de classement global note les profils d'Entrée express sur 1\xa0200, ce qui fait vos points, et comment jouent les notes minimales et le départage.",
        ),
        "body": ("sha256:7ee272da59827150", BODY_CRS),
    },
    "applying": {
        "title": (
            "Applying: fees, proof of funds, language tests, credentials and nominations",
            "Présenter une demande\xa0: frais, preuve de fonds, tests de langue, diplômes et désignations",
        ),
        "home_title": ("What an application needs", "Ce dont une demande a besoin"),
        "tagline": (
            "Fees, proof of funds, tests, credentials.",
            "Frais, preuve de fonds, tests, diplômes.",
        ),
        "summary": (
            "What an Express Entry application costs and needs: fees with their date, proof of funds, language tests, credential assessments and provincial nominations.",
            "Ce que coûte et exige une demande d'Entrée express\xa0: les frais et leur date, la preuve de fonds, les tests de langue, l'évaluation des diplômes et les désignations provinciales.",
        ),
        "body": ("sha256:a67f586ec224369f", BODY_APPLYING),
    },
}


# (English title, address) -> the title of IRCC's French version of the page.
SOURCES_FR = {
    "Canadian Experience Class: who can apply": "Catégorie de l'expérience canadienne : qui peut présenter une demande",
    "Federal Skilled Worker Program: who can apply": "Programme des travailleurs qualifiés (fédéral) : qui peut présenter une demande",
    "Federal Skilled Trades Program: who can apply": "Programme des travailleurs de métiers spécialisés (fédéral) : qui peut présenter une demande",
    "Comprehensive Ranking System criteria": "Critères du Système de classement global (SCG)",
    "Fee list": "Liste des frais",
    "Proof of funds": "Preuve de fonds",
    "Language testing and equivalency charts": "Tests de langue et tableaux d'équivalence",
    "Get your education assessed": "Faire évaluer vos diplômes d'études",
    "Provincial Nominee Program": "Programme des candidats des provinces",
    "Forward Regulatory Plan": "Plan prospectif de la réglementation",
}

OCCUPATION_YEAR = (
    "At least one year of work in one occupation on IRCC's list for this category, within the "
    "last three years: full time, or the same number of hours part time. Since 18 February 2026 "
    "the year need not be continuous; before, six months of continuous work were enough.",
    "Au moins un an de travail dans une profession de la liste d'IRCC pour cette catégorie, au "
    "cours des trois dernières années : à temps plein, ou le même nombre d'heures à temps "
    "partiel. Depuis le 18 février 2026, cette année n'a pas à être continue; auparavant, six "
    "mois de travail continu suffisaient.",
)
WORK_IN_CANADA = (
    "At least one year of work in Canada, within the last three years, in one of the "
    "category's occupations: {}. Work abroad does not count for this category.",
    "Au moins un an de travail au Canada, au cours des trois dernières années, dans l'une des "
    "professions de la catégorie : {}. Le travail à l'étranger ne compte pas pour cette "
    "catégorie.",
)
OTHER_ROUNDS = (
    "{} candidates are now invited through rounds open to more than their program: "
    "category-based rounds (such as French-language proficiency or a group of occupations), a "
    "provincial nomination followed by a round for provincial nominees, and, when IRCC holds "
    "them, general rounds open to every program.",
    "Les candidats du {} sont maintenant invités dans des rondes ouvertes à plus que leur "
    "programme : des rondes par catégorie (comme la compétence linguistique en français ou un "
    "groupe de professions), une désignation provinciale suivie d'une ronde pour les candidats "
    "des provinces et, quand IRCC en tient, des rondes générales ouvertes à tous les programmes.",
)


def both(pair, english, french):
    return pair[0].format(english), pair[1].format(french)


# slug -> {field: (the English as 0014 and 0015 wrote it, its French)}
STREAMS_FR = {
    "general": {
        "standing": (
            "When IRCC holds no general round, candidates of every program are invited through "
            "program, category and provincial nominee rounds.",
            "Quand IRCC ne tient aucune ronde générale, les candidats de tous les programmes sont "
            "invités dans des rondes de programme, des rondes par catégorie et des rondes pour "
            "les candidats des provinces.",
        ),
    },
    "fsw": {
        "standing": both(
            OTHER_ROUNDS, "Federal Skilled Worker", "Programme des travailleurs qualifiés (fédéral)"
        ),
    },
    "fst": {
        "standing": both(
            OTHER_ROUNDS,
            "Federal Skilled Trades",
            "Programme des travailleurs de métiers spécialisés (fédéral)",
        ),
    },
    "french": {
        "who_qualifies": (
            "French test results at NCLC 7 or better in all four abilities (listening, speaking, "
            "reading and writing), from a test IRCC accepts. No particular occupation is needed.",
            "Des résultats de niveau NCLC 7 ou plus dans les quatre habiletés (compréhension de "
            "l'oral, expression orale, lecture et écriture), à un test de français accepté par "
            "IRCC. Aucune profession particulière n'est exigée.",
        ),
    },
    "healthcare": {"who_qualifies": OCCUPATION_YEAR},
    "stem": {"who_qualifies": OCCUPATION_YEAR},
    "trades": {"who_qualifies": OCCUPATION_YEAR},
    "education": {"who_qualifies": OCCUPATION_YEAR},
    "transport": {
        "who_qualifies": (
            OCCUPATION_YEAR[0] + " The 2026 list of transport occupations differs from the 2023 "
            "one, so the two versions' rounds are told apart below.",
            OCCUPATION_YEAR[1] + " La liste des professions des transports de 2026 diffère de "
            "celle de 2023 : les rondes des deux versions sont donc distinguées ci-dessous.",
        ),
    },
    "agriculture": {
        "who_qualifies": (
            "Recent work in one occupation on IRCC's agriculture and agri-food list. IRCC did not "
            "renew this category for 2026: its rounds were held in 2023 and 2024.",
            "Un travail récent dans une profession de la liste d'IRCC pour l'agriculture et "
            "l'agroalimentaire. IRCC n'a pas renouvelé cette catégorie pour 2026 : ses rondes ont "
            "eu lieu en 2023 et en 2024.",
        ),
    },
    "senior-managers": {
        "who_qualifies": both(
            WORK_IN_CANADA,
            "the senior manager occupations IRCC lists",
            "les professions de cadres supérieurs dont IRCC donne la liste",
        ),
    },
    "physicians": {
        "who_qualifies": both(
            WORK_IN_CANADA,
            "specialists in clinical and laboratory medicine, specialists in surgery, and general "
            "practitioners and family physicians",
            "médecins spécialistes en médecine clinique et de laboratoire, médecins spécialistes "
            "en chirurgie, et omnipraticiens et médecins en médecine familiale",
        ),
    },
    "researchers": {
        "who_qualifies": both(
            WORK_IN_CANADA,
            "university professors and lecturers, and post-secondary teaching and research "
            "assistants",
            "professeurs et chargés de cours au niveau universitaire, et assistants "
            "d'enseignement et de recherche au niveau postsecondaire",
        ),
    },
    "military": {
        "who_qualifies": (
            "Candidates serving in a recognized foreign military who have a job offer from the "
            "Canadian Armed Forces (through the Canadian Forces Recruiting Group), such as "
            "military doctors, nurses and pilots, and who meet the category's experience, "
            "education and security conditions. Like every category, they must also qualify for "
            "one of the three Express Entry programs.",
            "Les candidats qui servent dans une armée étrangère reconnue et qui ont une offre "
            "d'emploi des Forces armées canadiennes (par le Groupe du recrutement des Forces "
            "canadiennes), comme des médecins, des infirmiers et des pilotes militaires, et qui "
            "répondent aux conditions d'expérience, d'études et de sécurité de la catégorie. "
            "Comme pour toute catégorie, ils doivent aussi être admissibles à l'un des trois "
            "programmes d'Entrée express.",
        ),
    },
}


def still_translated(english_now, english_translated):
    """The English is still the text translated here (a body is known by its hash)."""
    if english_translated.startswith("sha256:"):
        digest = hashlib.sha256(english_now.encode()).hexdigest()[:16]
        return english_translated == f"sha256:{digest}"
    return english_now == english_translated


def fill_empty(obj, translations):
    """Fill the empty French twins whose English is still the text translated; which ones."""
    filled = []
    for field, (english, french) in translations.items():
        if not getattr(obj, f"{field}_fr") and still_translated(getattr(obj, field), english):
            setattr(obj, f"{field}_fr", french)
            filled.append(f"{field}_fr")
    return filled


def write_french(apps, schema_editor):
    Guide = apps.get_model("draws", "Guide")
    for guide in Guide.objects.filter(slug__in=GUIDES_FR):
        filled = fill_empty(guide, GUIDES_FR[guide.slug])
        # An update, not save(): the English words, text_changed_on and updated_at are as
        # they were (the review covers the English).
        Guide.objects.filter(pk=guide.pk).update(**{f: getattr(guide, f) for f in filled})
    Stream = apps.get_model("draws", "Stream")
    for stream in Stream.objects.filter(slug__in=STREAMS_FR):
        filled = fill_empty(stream, STREAMS_FR[stream.slug])
        Stream.objects.filter(pk=stream.pk).update(**{f: getattr(stream, f) for f in filled})
    GuideSource = apps.get_model("draws", "GuideSource")
    for title, french in SOURCES_FR.items():
        GuideSource.objects.filter(title=title, title_fr="").update(title_fr=french)


def remove_french(apps, schema_editor):
    """Empty the French this migration wrote; French an editor has changed since is kept."""
    models_translations = [
        (apps.get_model("draws", "Guide"), GUIDES_FR),
        (apps.get_model("draws", "Stream"), STREAMS_FR),
    ]
    for model, translations in models_translations:
        for slug, fields in translations.items():
            for field, (_, french) in fields.items():
                model.objects.filter(slug=slug, **{f"{field}_fr": french}).update(
                    **{f"{field}_fr": ""}
                )
    GuideSource = apps.get_model("draws", "GuideSource")
    for title, french in SOURCES_FR.items():
        GuideSource.objects.filter(title=title, title_fr=french).update(title_fr="")


BODY_FR_HELP = (
    "Markdown, as the English. A name that stays English, such as an organisation's: "
    '<span lang="en">World Education Services</span>, so screen readers say it in '
    "English. Empty: the French page shows the English text."
)


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0017_french_fields_and_stream_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="guidesource",
            name="title_fr",
            field=models.CharField(
                blank=True,
                help_text="The title of IRCC's French version of the page, e.g. Preuve de fonds.",
                max_length=200,
                verbose_name="title in French",
            ),
        ),
        migrations.AddField(
            model_name="stream",
            name="standing_fr",
            field=models.TextField(
                blank=True, max_length=1000, verbose_name="where it stands now, in French"
            ),
        ),
        migrations.AddField(
            model_name="stream",
            name="who_qualifies_fr",
            field=models.TextField(
                blank=True, max_length=2000, verbose_name="who qualifies, in French"
            ),
        ),
        migrations.AlterField(
            model_name="guide",
            name="body_fr",
            field=models.TextField(
                blank=True,
                help_text=BODY_FR_HELP,
                max_length=50000,
                verbose_name="body in French",
            ),
        ),
        migrations.RunPython(write_french, remove_french),
    ]
