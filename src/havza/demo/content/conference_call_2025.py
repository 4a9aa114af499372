"""The call to the network's 2025 conference, written in French, in three languages."""

from __future__ import annotations

import datetime as dt

from havza.demo.content.network import CONFERENCE, NETWORK
from havza.demo.content.schema import Text, WorkData, org

WORK = WorkData(
    uid="c27d9a30-64e1-4f8a-b0d2-2025090100e5",
    kind="communique",
    original_language="fr",
    published_on=dt.date(2025, 9, 1),
    topics=("international-solidarity", "ports-and-dockworkers", "heat-and-climate"),
    authors=(org(NETWORK), org("cosor")),
    event=CONFERENCE,
    texts={
        "fr": Text(
            title="Appel à la Conférence des Rives, à Marseille et en ligne, les 18 et 19 octobre",
            body="""\
Les 18 et 19 octobre 2025, le Réseau ouvrier des Rives réunira à la Bourse du travail de \
Marseille, et en ligne, des syndicalistes, des pêcheurs, des ouvrières agricoles et des \
militantes et militants des droits des migrants venus des deux rives de la Méditerranée, mais \
aussi d'Afrique de l'Ouest et d'Amérique du Sud.

Trois questions guideront nos travaux\u00a0:

1. Comment faire en sorte qu'une grève dans un port ne soit jamais brisée par un autre \
port\u00a0?
2. Quelles règles communes contre la chaleur pouvons-nous imposer avant l'été prochain\u00a0?
3. Comment protéger celles et ceux qui secourent en mer\u00a0?

Les séances seront interprétées en arabe, anglais, espagnol, français et turc. Les \
organisations qui souhaitent envoyer une délégation ou intervenir à distance peuvent écrire au \
secrétariat du réseau avant le 30 septembre.
""",
        ),
        "en": Text(
            title="Call to the Many Shores Conference, in Marseille and online, 18–19 October",
            translator="Claire Morvan",
            body="""\
On 18 and 19 October 2025, the Many Shores Workers' Network will bring together at the Labour \
Exchange hall in Marseille, and online, trade unionists, fishers, women farmworkers and \
migrants' rights activists from both shores of the Mediterranean, as well as from West Africa \
and South America.

Three questions will guide our work:

1. How do we make sure that a strike in one port is never broken by another port?
2. What common rules against heat can we win before next summer?
3. How do we protect those who carry out rescues at sea?

Sessions will be interpreted into Arabic, English, French, Spanish and Turkish. Organizations \
that wish to send a delegation or to speak remotely can write to the network's secretariat \
before 30 September.
""",
        ),
        "ar": Text(
            title="نداء إلى مؤتمر الضفاف، في مرسيليا وعبر الإنترنت، يومي 18 و19 تشرين الأول/أكتوبر",
            translator="Hana Moussa",
            body="""\
في 18 و19 تشرين الأول/أكتوبر 2025، تجمع شبكة عمّال الضفاف في دار العمل في مرسيليا، وعبر \
الإنترنت، نقابيين وصيادين وعاملات زراعيات وناشطات وناشطين في الدفاع عن حقوق المهاجرين من \
ضفّتي المتوسط، ومن غرب أفريقيا وأمريكا الجنوبية أيضًا.

ستوجّه أعمالَنا ثلاثة أسئلة:

1. كيف نضمن ألّا يُكسَر إضراب في ميناء ما عبر ميناء آخر؟
2. ما القواعد المشتركة ضد الحرّ التي يمكننا انتزاعها قبل الصيف المقبل؟
3. كيف نحمي من يقومون بالإنقاذ في البحر؟

ستُترجَم الجلسات ترجمة فورية إلى العربية والإنجليزية والإسبانية والفرنسية والتركية. ويمكن \
للمنظمات الراغبة في إرسال وفد أو في المشاركة عن بُعد أن تراسل أمانة الشبكة قبل 30 \
أيلول/سبتمبر.
""",
        ),
    },
)
