"""An interview with a farmworkers' union leader, conducted in Spanish, in three languages."""

from __future__ import annotations

import datetime as dt

from havza.demo.content.schema import Text, WorkData, person

WORK = WorkData(
    uid="0f6a2d84-93b7-4c15-a4e9-2026012000a7",
    kind="interview",
    original_language="es",
    published_on=dt.date(2026, 1, 20),
    topics=("farmworkers", "heat-and-climate", "migration"),
    authors=(person("ines-calvo"),),
    texts={
        "es": Text(
            title=(
                "Rocío Almagro: «En el invernadero, el calor no es noticia, es el turno de tarde»"
            ),
            subtitle="Entrevista con la secretaria general del Sindicato de Jornaleras y "
            "Jornaleros del Sur",
            body="""\
*Rocío Almagro trabaja en los invernaderos de Almería desde los diecisiete años. Desde 2022 es \
secretaria general del SJS, un sindicato de jornaleras y jornaleros de quince nacionalidades. \
Hablamos con ella en El Ejido, después de una asamblea.*

**¿Cómo ha cambiado el trabajo en los invernaderos en los últimos años?**

Antes, el peor calor llegaba en agosto y duraba unas semanas. Ahora, bajo el plástico, se \
pasan los cuarenta y cinco grados ya en mayo. Las empresas han adelantado el turno de mañana, \
pero no han tocado el de tarde, porque la fruta no espera. A quien se desmaya lo sustituyen al \
día siguiente.

**¿Qué ha conseguido el sindicato?**

Este verano, en seis fincas, hemos logrado que la jornada se pare a las dos de la tarde cuando \
el termómetro del invernadero pasa de treinta y cinco grados, sin descontar el salario. Parece \
poco, pero es la primera vez que una norma la escribimos nosotras y no la patronal.

**La mitad de vuestras afiliadas no tiene papeles. ¿Cómo se organiza a quien tiene miedo?**

Con paciencia y en su idioma. Hacemos las asambleas en árabe, en español, en wolof y en rumano. \
Y decimos siempre lo mismo: el patrón no pregunta por los papeles cuando necesita manos; \
nosotras tampoco preguntamos cuando alguien necesita un sindicato.

**¿Qué esperáis de la red?**

Que lo que conseguimos aquí no se quede aquí. Si una finca de Almería para a las dos, una de \
Çukurova o de Sfax puede hacer lo mismo. Las fresas cruzan el mar; los derechos también pueden \
cruzarlo.
""",
        ),
        "en": Text(
            title="Rocío Almagro: “In the greenhouse, heat isn't news, it's the afternoon shift”",
            subtitle="Interview with the general secretary of the Southern Farmworkers' Union",
            translator="Inés Calvo",
            body="""\
*Rocío Almagro has worked in the greenhouses of Almería since she was seventeen. Since 2022 she \
has been general secretary of the SJS, a farmworkers' union whose members come from fifteen \
countries. We spoke to her in El Ejido, after a union assembly.*

**How has work in the greenhouses changed in recent years?**

The worst heat used to come in August and last a few weeks. Now, under the plastic, it goes \
above forty-five degrees as early as May. The companies have moved the morning shift earlier, \
but they haven't touched the afternoon shift, because the fruit doesn't wait. Whoever faints is \
replaced the next day.

**What has the union achieved?**

This summer, on six farms, we won a rule that work stops at two in the afternoon when the \
greenhouse thermometer goes above thirty-five degrees, with no loss of pay. It sounds small, but \
it is the first time a rule has been written by us and not by the bosses.

**Half of your members have no papers. How do you organize people who are afraid?**

With patience, and in their own language. We hold our assemblies in Arabic, Spanish, Wolof and \
Romanian. And we always say the same thing: the boss doesn't ask about papers when he needs \
hands, and we don't ask either when someone needs a union.

**What do you expect from the network?**

That what we win here doesn't stay here. If a farm in Almería stops at two, a farm in Çukurova \
or in Sfax can do the same. Strawberries cross the sea; rights can cross it too.
""",
        ),
        "pt": Text(
            title="Rocío Almagro: «Na estufa, o calor não é notícia, é o turno da tarde»",
            subtitle="Entrevista com a secretária-geral do Sindicato das Jornaleiras e "
            "Jornaleiros do Sul",
            translator="João Tavares",
            body="""\
*Rocío Almagro trabalha nas estufas de Almería desde os dezassete anos. Desde 2022 é \
secretária-geral do SJS, um sindicato de trabalhadoras e trabalhadores agrícolas de quinze \
nacionalidades. Falámos com ela em El Ejido, depois de uma assembleia.*

**Como mudou o trabalho nas estufas nos últimos anos?**

Antes, o pior calor chegava em agosto e durava umas semanas. Agora, debaixo do plástico, \
passa-se dos quarenta e cinco graus logo em maio. As empresas anteciparam o turno da manhã, mas \
não mexeram no turno da tarde, porque a fruta não espera. Quem desmaia é substituído no dia \
seguinte.

**O que conseguiu o sindicato?**

Este verão, em seis explorações, conseguimos que o trabalho pare às duas da tarde quando o \
termómetro da estufa passa dos trinta e cinco graus, sem desconto no salário. Parece pouco, mas \
é a primeira vez que uma regra é escrita por nós e não pelo patronato.

**Metade das vossas filiadas não tem documentos. Como se organiza quem tem medo?**

Com paciência e na língua de cada uma. Fazemos as assembleias em árabe, espanhol, wolof e \
romeno. E dizemos sempre o mesmo: o patrão não pergunta pelos documentos quando precisa de \
braços; nós também não perguntamos quando alguém precisa de um sindicato.

**O que esperam da rede?**

Que aquilo que conquistamos aqui não fique aqui. Se uma exploração de Almería para às duas, uma \
de Çukurova ou de Sfax pode fazer o mesmo. Os morangos atravessam o mar; os direitos também o \
podem atravessar.
""",
        ),
    },
)
