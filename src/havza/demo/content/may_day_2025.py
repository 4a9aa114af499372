"""A joint May Day statement, written in English and translated into every site language."""

from __future__ import annotations

import datetime as dt

from havza.demo.content.network import NETWORK
from havza.demo.content.schema import Text, WorkData, org, person

WORK = WorkData(
    uid="6d1f3b4e-0a51-4c1e-9b7a-2025050100a1",
    kind="statement",
    original_language="en",
    published_on=dt.date(2025, 4, 28),
    topics=("may-day", "international-solidarity", "heat-and-climate", "migration"),
    authors=(org(NETWORK),),
    issuers=(org(NETWORK),),
    signatories=(
        org("liman-sen"),
        org("eaa"),
        org("clm"),
        org("sjs"),
        org("cosor"),
        org("uptm"),
        org("kkd"),
        org("ham"),
        org("khk"),
        org("dal"),
        org("copac"),
        org("mare-operaria"),
        org("ctr"),
        person("selim-haddad"),
    ),
    texts={
        "en": Text(
            title="On every shore, one May Day",
            subtitle=(
                "Joint statement of member and friendly organizations of the "
                "Many Shores Workers' Network, 1 May 2025"
            ),
            body="""\
This May Day, dockworkers in Mersin and Genoa, fishers in Sfax and Thiaroye, farmworkers in \
Almería, miners in Syunik and seasonal pickers on the hazelnut slopes of the Black Sea will \
march on the same day, in different languages, for the same things.

The past year has shown how closely our lives are tied across the sea. When a shipowner cuts \
wages in one port, the cargo is diverted to the next. When a heat wave reaches forty-five \
degrees, it does not stop at any border. And when a boat carrying people in distress sinks, it \
is working people on both shores who lose their sons and daughters.

We, the undersigned organizations, therefore put forward common demands:

- a working day that ends when the heat becomes dangerous, with full pay;
- the same wage and the same rights for every worker, whatever their papers;
- the right to organize and to strike in every port, field and mine;
- safe and legal passage for people crossing the sea, and an end to the criminalization of \
those who rescue them.

No shore is far from another. Workers of all shores, unite!
""",
        ),
        "tr": Text(
            title="Her kıyıda tek bir 1 Mayıs",
            subtitle=(
                "Kıyılar İşçi Ağı'nın üye ve dost örgütlerinin ortak açıklaması, 1 Mayıs 2025"
            ),
            translator="Derya Aksoy",
            body="""\
Bu 1 Mayıs'ta Mersin ve Cenova'nın liman işçileri, Sfaks ve Thiaroye'nin balıkçıları, \
Almería'nın tarım işçileri, Sünik'in madencileri ve Karadeniz'in fındık bahçelerindeki \
mevsimlik işçiler aynı gün, farklı dillerde, aynı talepler için yürüyecek.

Geçtiğimiz yıl, hayatlarımızın denizin iki yakasında birbirine ne kadar sıkı bağlı olduğunu \
gösterdi. Bir armatör bir limanda ücretleri düşürdüğünde yük bir sonraki limana kaydırılıyor. \
Bir sıcak hava dalgası kırk beş dereceye ulaştığında hiçbir sınırda durmuyor. Tehlikedeki \
insanları taşıyan bir tekne battığında ise oğullarını ve kızlarını yitirenler iki kıyının da \
emekçileri oluyor.

Bu nedenle biz, aşağıda imzası bulunan örgütler, ortak taleplerimizi ileri sürüyoruz:

- sıcaklık tehlikeli hâle geldiğinde sona eren, ücreti tam ödenen bir iş günü;
- belgesi ne olursa olsun her işçiye aynı ücret ve aynı haklar;
- her limanda, tarlada ve madende örgütlenme ve grev hakkı;
- denizi geçen insanlar için güvenli ve yasal yollar; onları kurtaranların suçlu ilan \
edilmesine son.

Hiçbir kıyı bir diğerine uzak değildir. Bütün kıyıların işçileri, birleşin!
""",
        ),
        "ar": Text(
            title="أوّل أيّار واحد على كل الضفاف",
            subtitle=("بيان مشترك لمنظمات أعضاء وصديقة في شبكة عمّال الضفاف، 1 أيار/مايو 2025"),
            translator="Karim Ben Salah",
            body="""\
في الأول من أيار هذا العام، يسير عمّال الموانئ في مرسين وجنوة، والصيادون في صفاقس وثياروي، \
والعمّال الزراعيون في ألمرية، وعمّال المناجم في سيونيك، والعمّال الموسميون في بساتين البندق \
على ساحل البحر الأسود، في اليوم نفسه وبلغات مختلفة، من أجل المطالب ذاتها.

لقد أظهر العام الماضي مدى ارتباط حياتنا بعضها ببعض عبر البحر. فحين يخفّض مالك سفن الأجور في \
ميناء، تُحوَّل الشحنات إلى الميناء التالي. وحين تبلغ موجة الحرّ خمسًا وأربعين درجة، فإنها لا \
تتوقف عند أي حدود. وحين يغرق قارب يحمل أناسًا في خطر، فإن العاملين على الضفتين هم من يفقدون \
أبناءهم وبناتهم.

لذلك نطرح نحن، المنظمات الموقّعة أدناه، مطالب مشتركة:

- يوم عمل ينتهي حين يصبح الحرّ خطرًا، مع أجر كامل؛
- الأجر نفسه والحقوق نفسها لكل عامل وعاملة، أيًّا كانت أوراقهم؛
- حق التنظيم والإضراب في كل ميناء وحقل ومنجم؛
- ممرات آمنة وقانونية لمن يعبرون البحر، ووقف تجريم من ينقذونهم.

لا ضفّة بعيدة عن أخرى. يا عمّال كل الضفاف، اتّحدوا!
""",
        ),
        "fa": Text(
            title="یک اول ماه مه در همهٔ کرانه‌ها",
            subtitle=("بیانیهٔ مشترک سازمان‌های عضو و همراه شبکهٔ کارگران کرانه‌ها، ۱ مه ۲۰۲۵"),
            translator="Shirin Nikpour",
            body="""\
در اول ماه مه امسال، کارگران بندر در مرسین و جنوا، ماهیگیران در صفاقس و تیاروی، کارگران \
کشاورزی در آلمریا، معدنچیان در سیونیک و کارگران فصلی باغ‌های فندق در کرانهٔ دریای سیاه، در \
یک روز و به زبان‌های گوناگون، برای خواسته‌هایی یکسان راهپیمایی می‌کنند.

سال گذشته نشان داد که زندگی ما در دو سوی دریا تا چه اندازه به هم گره خورده است. وقتی یک \
کشتی‌دار در یک بندر دستمزدها را کاهش می‌دهد، بار به بندر بعدی فرستاده می‌شود. وقتی موج گرما \
به چهل‌وپنج درجه می‌رسد، در هیچ مرزی متوقف نمی‌شود. و وقتی قایقی پر از انسان‌های در خطر غرق \
می‌شود، این زحمتکشان هر دو کرانه‌اند که پسران و دختران خود را از دست می‌دهند.

از این رو، ما سازمان‌های امضاکنندهٔ این بیانیه، خواسته‌های مشترک خود را اعلام می‌کنیم:

- روز کاری که وقتی گرما خطرناک می‌شود به پایان برسد، با دستمزد کامل؛
- دستمزد برابر و حقوق برابر برای هر کارگر، صرف‌نظر از مدارک اقامتش؛
- حق تشکل و اعتصاب در هر بندر، مزرعه و معدن؛
- راه‌های امن و قانونی برای کسانی که از دریا می‌گذرند، و پایان جرم‌انگاری نجات‌دهندگانشان.

هیچ کرانه‌ای از کرانهٔ دیگر دور نیست. کارگران همهٔ کرانه‌ها، متحد شوید!
""",
        ),
        "it": Text(
            title="Su ogni sponda, un solo Primo Maggio",
            subtitle=(
                "Dichiarazione congiunta delle organizzazioni aderenti e amiche della "
                "Rete dei Lavoratori delle Sponde, 1º maggio 2025"
            ),
            translator="Giulia Ferrante",
            body="""\
Questo Primo Maggio i portuali di Mersin e di Genova, i pescatori di Sfax e di Thiaroye, i \
braccianti di Almería, i minatori del Syunik e i raccoglitori stagionali dei noccioleti del Mar \
Nero scenderanno in piazza lo stesso giorno, in lingue diverse, per le stesse cose.

L'ultimo anno ha mostrato quanto le nostre vite siano legate da una sponda all'altra del mare. \
Quando un armatore taglia i salari in un porto, il carico viene dirottato sul porto successivo. \
Quando un'ondata di calore arriva a quarantacinque gradi, non si ferma a nessun confine. E \
quando affonda una barca carica di persone in pericolo, sono i lavoratori di entrambe le sponde \
a perdere i propri figli e le proprie figlie.

Per questo noi, organizzazioni firmatarie, avanziamo rivendicazioni comuni:

- una giornata di lavoro che finisca quando il caldo diventa pericoloso, a salario pieno;
- lo stesso salario e gli stessi diritti per ogni lavoratrice e lavoratore, qualunque siano i \
suoi documenti;
- il diritto di organizzarsi e di scioperare in ogni porto, campo e miniera;
- vie d'accesso sicure e legali per chi attraversa il mare, e la fine della criminalizzazione \
di chi lo soccorre.

Nessuna sponda è lontana dall'altra. Lavoratori di tutte le sponde, unitevi!
""",
        ),
        "el": Text(
            title="Σε κάθε ακτή, μία Πρωτομαγιά",
            subtitle=(
                "Κοινή δήλωση οργανώσεων-μελών και φίλων του Δικτύου Εργαζομένων των Ακτών, "
                "1η Μαΐου 2025"
            ),
            translator="Nikos Karalis",
            body="""\
Αυτή την Πρωτομαγιά, οι λιμενεργάτες της Μερσίνας και της Γένοβας, οι ψαράδες του Σφαξ και του \
Τιαρουά, οι εργάτες γης της Αλμερίας, οι μεταλλωρύχοι του Σιουνίκ και οι εποχικοί εργάτες στις \
φουντουκιές της Μαύρης Θάλασσας θα διαδηλώσουν την ίδια μέρα, σε διαφορετικές γλώσσες, για τα \
ίδια πράγματα.

Η χρονιά που πέρασε έδειξε πόσο στενά δεμένες είναι οι ζωές μας από τη μια ακτή της θάλασσας \
στην άλλη. Όταν ένας εφοπλιστής κόβει τους μισθούς σε ένα λιμάνι, το φορτίο στέλνεται στο \
επόμενο. Όταν ένας καύσωνας φτάνει τους σαράντα πέντε βαθμούς, δεν σταματά σε κανένα σύνορο. \
Και όταν βυθίζεται μια βάρκα με ανθρώπους σε κίνδυνο, οι εργαζόμενοι και των δύο ακτών είναι \
αυτοί που χάνουν τους γιους και τις κόρες τους.

Γι' αυτό εμείς, οι οργανώσεις που υπογράφουμε, προβάλλουμε κοινά αιτήματα:

- εργάσιμη μέρα που τελειώνει όταν η ζέστη γίνεται επικίνδυνη, με πλήρη αμοιβή·
- ίδιος μισθός και ίδια δικαιώματα για κάθε εργαζόμενο, όποια χαρτιά κι αν έχει·
- δικαίωμα οργάνωσης και απεργίας σε κάθε λιμάνι, χωράφι και ορυχείο·
- ασφαλείς και νόμιμες οδοί για όσους διασχίζουν τη θάλασσα, και τέλος στην ποινικοποίηση όσων \
τους διασώζουν.

Καμία ακτή δεν είναι μακριά από την άλλη. Εργάτες όλων των ακτών, ενωθείτε!
""",
        ),
        "ku": Text(
            title="Li her peravê, yek Yekê Gulanê",
            subtitle=(
                "Daxuyaniya hevbeş a rêxistinên endam û dost ên Tora Karkerên Peravan, "
                "1ê Gulana 2025an"
            ),
            translator="Rojda Bilgin",
            body="""\
Di vê Yekê Gulanê de, karkerên lîmanê yên Mêrsînê û Cenovayê, masîgirên Sfaksê û Thiaroyeyê, \
karkerên çandiniyê yên Almeriayê, karkerên kanan ên Syunîkê û karkerên demsalî yên li \
baxçeyên findiqan ên Deryaya Reş dê di heman rojê de, bi zimanên cuda, ji bo heman tiştan \
bimeşin.

Sala borî nîşan da ku jiyana me li herdu aliyên deryayê çiqas bi hev ve girêdayî ye. Dema \
xwediyê keştiyan li lîmanekê mûçeyan kêm dike, bar ber bi lîmana din ve tê şandin. Dema pêla \
germê digihîje çil û pênc dereceyan, li tu sînoran nasekine. Û dema qeyikeke ku mirovên di \
xetereyê de hildigire binav dibe, yên ku kur û keçên xwe winda dikin karkerên herdu peravan in.

Ji ber vê yekê em, rêxistinên ku li jêr îmze kirine, daxwazên hevbeş pêşkêş dikin:

- rojeke kar a ku dema germ xeternak dibe bi dawî bibe, bi mûçeya tevahî;
- ji bo her karkerî heman mûçe û heman maf, çi belgeyên wan hebin jî;
- mafê rêxistinbûn û grevê li her lîman, zevî û kanê;
- rêyên ewle û qanûnî ji bo kesên ku deryayê derbas dikin, û dawî li sûcdarkirina kesên ku \
wan rizgar dikin.

Tu perav ji yeke din ne dûr e. Karkerên hemû peravan, yekbin!
""",
        ),
        "hy": Text(
            title="Յուրաքանչյուր ափին՝ նույն Մայիսի 1-ը",
            subtitle=(
                "Ափերի աշխատավորների ցանցի անդամ և բարեկամ կազմակերպությունների համատեղ "
                "հայտարարությունը, 2025 թ. մայիսի 1"
            ),
            translator="Anahit Sargsyan",
            body="""\
Այս տարվա մայիսի 1-ին Մերսինի և Ջենովայի նավահանգստային բանվորները, Սֆաքսի և Տիարոյեի \
ձկնորսները, Ալմերիայի գյուղատնտեսական բանվորները, Սյունիքի հանքագործները և Սև ծովի ափի \
պնդուկի այգիների սեզոնային աշխատողները նույն օրը, տարբեր լեզուներով, երթի դուրս կգան նույն \
պահանջներով։

Անցած տարին ցույց տվեց, թե որքան սերտորեն են կապված մեր կյանքերը ծովի երկու ափերին։ Երբ \
նավատերը մի նավահանգստում կրճատում է աշխատավարձերը, բեռն ուղարկվում է հաջորդ նավահանգիստ։ \
Երբ շոգի ալիքը հասնում է քառասունհինգ աստիճանի, այն չի կանգնում ոչ մի սահմանի մոտ։ Եվ երբ \
խորտակվում է վտանգի մեջ գտնվող մարդկանցով լի նավակը, երկու ափերի աշխատավորներն են կորցնում \
իրենց որդիներին ու դուստրերին։

Ուստի մենք՝ ստորագրող կազմակերպություններս, առաջ ենք քաշում ընդհանուր պահանջներ.

- աշխատանքային օր, որն ավարտվում է, երբ շոգը դառնում է վտանգավոր, լրիվ վարձատրությամբ,
- նույն աշխատավարձը և նույն իրավունքները յուրաքանչյուր աշխատողի համար՝ անկախ նրա \
փաստաթղթերից,
- միավորվելու և գործադուլ անելու իրավունք յուրաքանչյուր նավահանգստում, դաշտում և հանքում,
- անվտանգ և օրինական ճանապարհներ ծովն անցնողների համար և վերջ՝ նրանց փրկողների \
քրեականացմանը։

Ոչ մի ափ հեռու չէ մյուսից։ Բոլոր ափերի աշխատավորնե՛ր, միացե՛ք։
""",
        ),
        "es": Text(
            title="En todas las orillas, un solo Primero de Mayo",
            subtitle=(
                "Declaración conjunta de organizaciones miembro y amigas de la Red Obrera de las "
                "Orillas, 1 de mayo de 2025"
            ),
            translator="Rocío Almagro",
            body="""\
Este Primero de Mayo, los estibadores de Mersin y Génova, los pescadores de Sfax y Thiaroye, \
las jornaleras y jornaleros de Almería, los mineros de Syunik y los temporeros de los \
avellanares del mar Negro saldrán a la calle el mismo día, en lenguas distintas, por las mismas \
cosas.

El último año ha demostrado hasta qué punto nuestras vidas están unidas de una orilla a otra \
del mar. Cuando un armador recorta los salarios en un puerto, la carga se desvía al siguiente. \
Cuando una ola de calor llega a los cuarenta y cinco grados, no se detiene en ninguna frontera. \
Y cuando se hunde una barca con personas en peligro, son los trabajadores de ambas orillas \
quienes pierden a sus hijos y a sus hijas.

Por eso, las organizaciones abajo firmantes planteamos reivindicaciones comunes:

- una jornada laboral que termine cuando el calor se vuelva peligroso, con el salario íntegro;
- el mismo salario y los mismos derechos para cada trabajador, tenga los papeles que tenga;
- el derecho a organizarse y a hacer huelga en cada puerto, campo y mina;
- vías seguras y legales para quienes cruzan el mar, y el fin de la criminalización de quienes \
los rescatan.

Ninguna orilla está lejos de otra. ¡Trabajadores de todas las orillas, uníos!
""",
        ),
        "fr": Text(
            title="Sur toutes les rives, un seul Premier Mai",
            subtitle=(
                "Déclaration commune d'organisations membres et amies du Réseau ouvrier des "
                "Rives, 1er mai 2025"
            ),
            translator="Claire Morvan",
            body="""\
En ce Premier Mai, les dockers de Mersin et de Gênes, les pêcheurs de Sfax et de Thiaroye, les \
ouvrières et ouvriers agricoles d'Almería, les mineurs du Syunik et les saisonniers des \
noiseraies de la mer Noire manifesteront le même jour, dans des langues différentes, pour les \
mêmes choses.

L'année écoulée a montré à quel point nos vies sont liées d'une rive à l'autre de la mer. Quand \
un armateur baisse les salaires dans un port, la cargaison est détournée vers le suivant. Quand \
une vague de chaleur atteint quarante-cinq degrés, elle ne s'arrête à aucune frontière. Et \
quand une embarcation chargée de personnes en détresse fait naufrage, ce sont les travailleurs \
des deux rives qui perdent leurs fils et leurs filles.

C'est pourquoi nous, organisations signataires, avançons des revendications communes\u00a0:

- une journée de travail qui s'arrête quand la chaleur devient dangereuse, avec maintien \
intégral du salaire\u00a0;
- le même salaire et les mêmes droits pour chaque travailleuse et chaque travailleur, quels \
que soient ses papiers\u00a0;
- le droit de s'organiser et de faire grève dans chaque port, chaque champ et chaque mine\u00a0;
- des voies de passage sûres et légales pour celles et ceux qui traversent la mer, et la fin \
de la criminalisation de celles et ceux qui les secourent.

Aucune rive n'est loin d'une autre. Travailleurs de toutes les rives, unissez-vous\u00a0!
""",
        ),
        "pt": Text(
            title="Em todas as margens, um só Primeiro de Maio",
            subtitle=(
                "Declaração conjunta de organizações membros e amigas da Rede Operária das "
                "Margens, 1 de maio de 2025"
            ),
            translator="João Tavares",
            body="""\
Neste Primeiro de Maio, os estivadores de Mersin e de Génova, os pescadores de Sfax e de \
Thiaroye, as trabalhadoras e os trabalhadores rurais de Almería, os mineiros de Syunik e os \
apanhadores sazonais dos avelanais do mar Negro vão sair à rua no mesmo dia, em línguas \
diferentes, pelas mesmas coisas.

O último ano mostrou como as nossas vidas estão ligadas de uma margem à outra do mar. Quando um \
armador corta salários num porto, a carga é desviada para o porto seguinte. Quando uma onda de \
calor chega aos quarenta e cinco graus, não para em nenhuma fronteira. E quando se afunda um \
barco com pessoas em perigo, são os trabalhadores das duas margens que perdem os seus filhos e \
as suas filhas.

Por isso, nós, organizações signatárias, apresentamos reivindicações comuns:

- uma jornada de trabalho que termine quando o calor se torna perigoso, com salário integral;
- o mesmo salário e os mesmos direitos para cada trabalhador, sejam quais forem os seus \
documentos;
- o direito de se organizar e de fazer greve em cada porto, campo e mina;
- vias seguras e legais para quem atravessa o mar, e o fim da criminalização de quem o socorre.

Nenhuma margem está longe da outra. Trabalhadores de todas as margens, uni-vos!
""",
        ),
    },
)
