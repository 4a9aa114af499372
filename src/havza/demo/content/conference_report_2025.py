"""The report of the 2025 conference, written in English; its Portuguese translation is a
draft still in progress."""

from __future__ import annotations

import datetime as dt

from havza.demo.content.network import CONFERENCE
from havza.demo.content.schema import Text, WorkData, person

WORK = WorkData(
    uid="e8b3f5d2-1c7a-4d9e-8f26-2025110300f6",
    kind="report",
    original_language="en",
    published_on=dt.date(2025, 11, 3),
    topics=("international-solidarity", "ports-and-dockworkers", "heat-and-climate", "migration"),
    authors=(person("claire-morvan"), person("giulia-ferrante")),
    event=CONFERENCE,
    texts={
        "en": Text(
            title="Two days in Marseille: what the Many Shores Conference decided",
            subtitle="Report on the Many Shores Conference, 18–19 October 2025",
            body="""\
Some 140 delegates met at the Labour Exchange hall in Marseille on 18 and 19 October, and more \
than 300 people followed the debates online. The speakers came from ten countries on four \
continents.

## Ports

Derya Aksoy of LİMAN-SEN opened the first session with an account of the 2024 strike in Mersin \
and of the refusal of Italian and Greek dockworkers to handle the diverted cargo. The conference \
agreed to set up a **rapid alert list**: when a port is on strike, member unions in other ports \
will learn within hours which ships and which cargo to watch for.

## Heat

Karim Ben Salah (UPTM, Tunisia) and Ousmane Faye (COPAC, Senegal) described how fishers on both \
sides of the Sahara now lose working days to the heat and to collapsing fish stocks. Delegates \
adopted a common heat protocol based on the 2024 declaration, and will campaign for it in every \
country before the summer of 2026.

## Rescue at sea

Nikos Karalis (ΕΑΑ) reported on three trials of fishing crews in the Aegean. The network will \
set up a legal defence fund, starting with a contribution from every member organization.

Speaking online from Berlin, Shirin Nikpour closed the conference: “We met in many languages, \
and not once did we misunderstand each other about what matters.”

The next conference will take place in 2027, on the other shore.
""",
        ),
        "fr": Text(
            title="Deux jours à Marseille\u00a0: ce qu'a décidé la Conférence des Rives",
            subtitle="Compte rendu de la Conférence des Rives, 18 et 19 octobre 2025",
            translator="Claire Morvan",
            body="""\
Quelque 140 délégués se sont réunis à la Bourse du travail de Marseille les 18 et 19 octobre, \
et plus de 300 personnes ont suivi les débats en ligne. Les intervenantes et intervenants \
venaient de dix pays et de quatre continents.

## Les ports

Derya Aksoy, de LİMAN-SEN, a ouvert la première séance en revenant sur la grève de Mersin en \
2024 et sur le refus des dockers italiens et grecs de manutentionner les cargaisons détournées. \
La conférence a décidé de créer une **liste d'alerte rapide**\u00a0: quand un port est en grève, \
les syndicats membres des autres ports sauront en quelques heures quels navires et quelles \
cargaisons surveiller.

## La chaleur

Karim Ben Salah (UPTM, Tunisie) et Ousmane Faye (COPAC, Sénégal) ont décrit comment les \
pêcheurs, au nord comme au sud du Sahara, perdent désormais des journées de travail à cause de \
la chaleur et de l'effondrement des stocks de poissons. Les délégués ont adopté un protocole \
commun contre la chaleur, fondé sur la déclaration de 2024, et feront campagne pour l'imposer \
dans chaque pays avant l'été 2026.

## Le sauvetage en mer

Nikos Karalis (ΕΑΑ) a rendu compte de trois procès intentés à des équipages de pêche en mer \
Égée. Le réseau créera un fonds de défense juridique, alimenté d'abord par une contribution de \
chaque organisation membre.

Intervenant en ligne depuis Berlin, Shirin Nikpour a clos la conférence\u00a0: «\u00a0Nous nous \
sommes réunis dans beaucoup de langues, et pas une seule fois nous ne nous sommes mal compris \
sur l'essentiel.\u00a0»

La prochaine conférence aura lieu en 2027, sur l'autre rive.
""",
        ),
        "es": Text(
            title="Dos días en Marsella: lo que decidió la Conferencia de las Orillas",
            subtitle="Crónica de la Conferencia de las Orillas, 18 y 19 de octubre de 2025",
            translator="Inés Calvo",
            body="""\
Unos 140 delegados se reunieron en la Bolsa del Trabajo de Marsella los días 18 y 19 de \
octubre, y más de 300 personas siguieron los debates en línea. Quienes intervinieron venían de \
diez países y de cuatro continentes.

## Los puertos

Derya Aksoy, de LİMAN-SEN, abrió la primera sesión con un relato de la huelga de Mersin de 2024 \
y de la negativa de los estibadores italianos y griegos a manipular la carga desviada. La \
conferencia acordó crear una **lista de alerta rápida**: cuando un puerto esté en huelga, los \
sindicatos miembros de otros puertos sabrán en pocas horas qué buques y qué cargas vigilar.

## El calor

Karim Ben Salah (UPTM, Túnez) y Ousmane Faye (COPAC, Senegal) explicaron cómo los pescadores, \
a ambos lados del Sáhara, pierden ya jornadas de trabajo por el calor y por el hundimiento de \
las poblaciones de peces. Los delegados aprobaron un protocolo común contra el calor, basado en \
la declaración de 2024, y harán campaña para conseguirlo en cada país antes del verano de 2026.

## El rescate en el mar

Nikos Karalis (ΕΑΑ) informó sobre tres juicios contra tripulaciones de pesca en el Egeo. La red \
creará un fondo de defensa jurídica, con una primera aportación de cada organización miembro.

Desde Berlín, en línea, Shirin Nikpour cerró la conferencia: «Nos reunimos en muchas lenguas y \
ni una sola vez nos malentendimos sobre lo que importa».

La próxima conferencia se celebrará en 2027, en la otra orilla.
""",
        ),
        "tr": Text(
            title="Marsilya'da iki gün: Kıyılar Konferansı neye karar verdi?",
            subtitle="Kıyılar Konferansı raporu, 18–19 Ekim 2025",
            translator="Derya Aksoy",
            body="""\
18 ve 19 Ekim'de Marsilya'daki Emek Evi'nde (Bourse du travail) yaklaşık 140 delege bir araya \
geldi; 300'ü aşkın kişi de tartışmaları çevrim içi izledi. Konuşmacılar dört kıtadan, on \
ülkeden geldi.

## Limanlar

LİMAN-SEN'den Derya Aksoy ilk oturumu, 2024'teki Mersin grevini ve İtalyan ve Yunan liman \
işçilerinin başka limanlara kaydırılan yükleri elleçlemeyi reddetmesini anlatarak açtı. \
Konferans bir **hızlı uyarı listesi** kurmaya karar verdi: bir limanda grev olduğunda, öteki \
limanlardaki üye sendikalar hangi gemileri ve yükleri izlemeleri gerektiğini birkaç saat içinde \
öğrenecek.

## Sıcak

Karim Ben Salah (UPTM, Tunus) ve Ousmane Faye (COPAC, Senegal), Sahra'nın iki yanındaki \
balıkçıların artık sıcak ve çöken balık stokları yüzünden iş günleri kaybettiğini anlattı. \
Delegeler, 2024 bildirgesine dayanan ortak bir sıcak protokolünü kabul etti; 2026 yazından önce \
her ülkede bunun için kampanya yürütecekler.

## Denizde kurtarma

Nikos Karalis (ΕΑΑ), Ege'de balıkçı tayfalarına karşı açılan üç davayı aktardı. Ağ, her üye \
örgütün yapacağı ilk katkıyla bir hukuki savunma fonu kuracak.

Konferansı, Berlin'den çevrim içi bağlanan Shirin Nikpour kapattı: “Birçok dilde buluştuk ve \
önemli olan konusunda bir kez bile birbirimizi yanlış anlamadık.”

Bir sonraki konferans 2027'de, öteki kıyıda yapılacak.
""",
        ),
        "pt": Text(
            title="Dois dias em Marselha: o que decidiu a Conferência das Margens",
            subtitle="Relatório da Conferência das Margens, 18 e 19 de outubro de 2025",
            translator="João Tavares",
            draft=True,
            body="""\
Cerca de 140 delegados reuniram-se na Bolsa do Trabalho de Marselha nos dias 18 e 19 de \
outubro, e mais de 300 pessoas acompanharam os debates em linha. Os oradores vieram de dez \
países e de quatro continentes.

## Os portos

Derya Aksoy, do LİMAN-SEN, abriu a primeira sessão com um relato da greve de Mersin de 2024 e \
da recusa dos estivadores italianos e gregos em movimentar a carga desviada. A conferência \
decidiu criar uma **lista de alerta rápido**: quando um porto estiver em greve, os sindicatos \
membros dos outros portos saberão em poucas horas que navios e que cargas devem vigiar.
""",
        ),
    },
)
