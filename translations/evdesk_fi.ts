<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name>AccessProfileDialog</name>
    <message>
        <source>Add access profile</source>
        <translation>Lisää pääsyprofiili</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>e.g. Night shift</source>
        <translation>esim. Yövuoro</translation>
    </message>
    <message>
        <source>Tariff:</source>
        <translation>Hinnasto:</translation>
    </message>
    <message>
        <source>When members may charge (in the station&apos;s time zone)</source>
        <translation>Milloin jäsenet saavat ladata (aseman aikavyöhykkeellä)</translation>
    </message>
    <message>
        <source>An end at or before the start runs past midnight into the next day (22:00 to 06:00). 23:59 means until midnight.</source>
        <translation>Loppu alkua aiemmin tai samaan aikaan jatkuu yli puolenyön seuraavaan päivään (22:00–06:00). 23:59 tarkoittaa puoleenyöhön asti.</translation>
    </message>
    <message>
        <source>Add time window</source>
        <translation>Lisää aikaikkuna</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Jäsenet</translation>
    </message>
    <message>
        <source>Charging users</source>
        <translation>Latauskäyttäjät</translation>
    </message>
    <message>
        <source>Search name or e-mail</source>
        <translation>Hae nimellä tai sähköpostilla</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Käyttäjäryhmät</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <source>Search token id or name</source>
        <translation>Hae tunnisteen id:llä tai nimellä</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Ei vielä jäseniä</translation>
    </message>
    <message>
        <source>Stations and charging groups it covers</source>
        <translation>Asemat ja latausryhmät, joita se koskee</translation>
    </message>
    <message>
        <source>Station or group</source>
        <translation>Asema tai ryhmä</translation>
    </message>
    <message>
        <source>Covers no station yet</source>
        <translation>Ei koske vielä yhtään asemaa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Access profile {name}</source>
        <translation>Pääsyprofiili {name}</translation>
    </message>
    <message>
        <source>Edit access profile {name}</source>
        <translation>Muokkaa pääsyprofiilia {name}</translation>
    </message>
    <message>
        <source>As the tariff groups decide</source>
        <translation>Hinnastoryhmien mukaan</translation>
    </message>
    <message>
        <source>A removed tariff (the tariff groups decide)</source>
        <translation>Poistettu hinnasto (hinnastoryhmät ratkaisevat)</translation>
    </message>
    <message>
        <source>A ticked group covers its subgroups and all their stations.</source>
        <translation>Valittu ryhmä kattaa aliryhmänsä ja kaikki niiden asemat.</translation>
    </message>
    <message>
        <source>Stations without a group</source>
        <translation>Asemat ilman ryhmää</translation>
    </message>
    <message>
        <source>Covered by the ticked group {name}.</source>
        <translation>Sisältyy valittuun ryhmään {name}.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ei nimeä)</translation>
    </message>
    <message>
        <source>(removed, or outside your domain)</source>
        <translation>(poistettu tai alueesi ulkopuolella)</translation>
    </message>
    <message>
        <source>{members} selected</source>
        <translation>Valittu: {members}</translation>
    </message>
    <message>
        <source>No members yet: the profile restricts nobody until you tick some.</source>
        <translation>Ei vielä jäseniä: profiili ei rajoita ketään ennen kuin valitset jäseniä.</translation>
    </message>
    <message>
        <source>Covers {places}</source>
        <translation>Kattaa: {places}</translation>
    </message>
    <message>
        <source>Covers no station yet: tick the charging groups or stations where it applies.</source>
        <translation>Ei kata vielä yhtään asemaa: valitse latausryhmät tai asemat, joihin profiili pätee.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Someone else changed this profile since you opened it. Close this window and edit again.</source>
        <translation>Joku muu muutti tätä profiilia sen jälkeen, kun avasit sen. Sulje ikkuna ja muokkaa uudelleen.</translation>
    </message>
</context>
<context>
    <name>AccessProfilesModel</name>
    <message>
        <source>no members</source>
        <translation>ei jäseniä</translation>
    </message>
    <message>
        <source>no station</source>
        <translation>ei asemia</translation>
    </message>
    <message>
        <source>always</source>
        <translation>aina</translation>
    </message>
    <message>
        <source>as the tariff groups decide</source>
        <translation>hinnastoryhmien mukaan</translation>
    </message>
    <message>
        <source>a removed tariff (the tariff groups decide)</source>
        <translation>poistettu hinnasto (hinnastoryhmät ratkaisevat)</translation>
    </message>
</context>
<context>
    <name>AccessProfilesPage</name>
    <message>
        <source>Access profiles</source>
        <translation>Pääsyprofiilit</translation>
    </message>
    <message>
        <source>Search profile name</source>
        <translation>Hae profiilin nimellä</translation>
    </message>
    <message>
        <source>Who may charge where, and when. A member (charging user, user group or token) of a profile covering a station charges there only inside one of its time windows; on private stations the profile also admits its members. Times are in the station&apos;s time zone.</source>
        <translation>Kuka saa ladata missä ja milloin. Asemaa koskevan profiilin jäsen (latauskäyttäjä, käyttäjäryhmä tai tunniste) lataa siellä vain jonkin profiilin aikaikkunan sisällä; yksityisillä asemilla profiili myös päästää jäsenensä lataamaan. Ajat ovat aseman aikavyöhykkeellä.</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Lisää profiili…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>No access profiles: every token is decided by its own rights alone.</source>
        <translation>Ei pääsyprofiileja: jokainen tunniste ratkaistaan pelkästään sen omien oikeuksien perusteella.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Avaa…</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} tallennettu.</translation>
    </message>
    <message>
        <source>Delete access profile</source>
        <translation>Poista pääsyprofiili</translation>
    </message>
    <message>
        <source>Delete the access profile {name}?</source>
        <translation>Poistetaanko pääsyprofiili {name}?</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Poista profiili</translation>
    </message>
    <message>
        <source>Its members are then decided by their own access rights alone, at any hour.</source>
        <translation>Sen jäsenet ratkaistaan sen jälkeen pelkästään omien käyttöoikeuksiensa perusteella, mihin aikaan tahansa.</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} poistettu.</translation>
    </message>
</context>
<context>
    <name>ApiKeyDialog</name>
    <message>
        <source>Create API key</source>
        <translation>Luo API-avain</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operaattori</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>what the key is for, e.g. fleet dashboard</source>
        <translation>mihin avainta käytetään, esim. kaluston koontinäyttö</translation>
    </message>
    <message>
        <source>Copy this key now: it will not be shown again. evdesk keeps only its hash.</source>
        <translation>Kopioi avain nyt: sitä ei näytetä uudelleen. evdesk säilyttää vain sen tiivisteen.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopioi</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Luo avain</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>ApiKeysPage</name>
    <message>
        <source>API keys</source>
        <translation>API-avaimet</translation>
    </message>
    <message>
        <source>Keys for the automation API. A key acts as its operator, with that operator&apos;s role and base group.</source>
        <translation>Avaimet automaatiorajapintaa varten. Avain toimii operaattorinsa nimissä, tämän roolilla ja perusryhmällä.</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Luo…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Peru</translation>
    </message>
</context>
<context>
    <name>AssignmentsPanel</name>
    <message>
        <source>Charging group {name}</source>
        <translation>Latausryhmä {name}</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Missä</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Kattaa</translation>
    </message>
    <message>
        <source>Station {name}</source>
        <translation>Asema {name}</translation>
    </message>
    <message>
        <source>connector {id}</source>
        <translation>liitin {id}</translation>
    </message>
    <message>
        <source>its stations and every subgroup&apos;s, unless they have their own</source>
        <translation>sen asemat ja kaikkien aliryhmien asemat, ellei niillä ole omaa</translation>
    </message>
    <message>
        <source>every connector of the station, unless it has its own</source>
        <translation>aseman kaikki liittimet, ellei niillä ole omaa</translation>
    </message>
    <message>
        <source>this connector</source>
        <translation>tämä liitin</translation>
    </message>
    <message>
        <source>Save the group first; then assign it here.</source>
        <translation>Tallenna ryhmä ensin; liitä se sitten tässä.</translation>
    </message>
    <message>
        <source>Only administrators assign tariff groups.</source>
        <translation>Vain ylläpitäjät liittävät hinnastoryhmiä.</translation>
    </message>
    <message>
        <source>Saved at once. A place has one tariff group: assigning this one replaces the one it had. Sessions that already started keep their prices.</source>
        <translation>Tallentuu heti. Paikalla on yksi hinnastoryhmä: tämän liittäminen korvaa aiemman. Jo alkaneet lataukset säilyttävät hintansa.</translation>
    </message>
    <message>
        <source>Failed ({error}). Try again.</source>
        <translation>Epäonnistui ({error}). Yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>AuthorizationsPage</name>
    <message>
        <source>Authorizations</source>
        <translation>Valtuutukset</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Search tag, user or reason</source>
        <translation>Hae tunnisteella, käyttäjällä tai syyllä</translation>
    </message>
    <message>
        <source>Register this tag…</source>
        <translation>Rekisteröi tämä tunniste…</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificates</source>
        <translation>Varmenteet</translation>
    </message>
    <message>
        <source>Chargers on security profile 2 or 3 connect over wss:// (TLS 1.2 or newer) and check evdesk&apos;s server certificate against the site CA: give them the CA (Export CA). On profile 3 each charger also shows a certificate from the site CA whose name is its identity.</source>
        <translation>Suojausprofiilin 2 tai 3 laturit yhdistävät wss://-yhteydellä (TLS 1.2 tai uudempi) ja tarkistavat evdeskin palvelinvarmenteen sivuston CA:ta vasten: anna CA latureille (Vie CA). Profiilissa 3 jokainen laturi esittää myös sivuston CA:n myöntämän varmenteen, jonka nimi on sen tunnus.</translation>
    </message>
    <message>
        <source>How chargers connect</source>
        <translation>Miten laturit yhdistävät</translation>
    </message>
    <message>
        <source>Listener:</source>
        <translation>Kuuntelija:</translation>
    </message>
    <message>
        <source>Plain ws:// only</source>
        <translation>Vain salaamaton ws://</translation>
    </message>
    <message>
        <source>TLS wss:// only</source>
        <translation>Vain TLS wss://</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Molemmat</translation>
    </message>
    <message>
        <source>TLS port:</source>
        <translation>TLS-portti:</translation>
    </message>
    <message>
        <source>Warn before expiry:</source>
        <translation>Varoita ennen vanhenemista:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> päivää</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>The listener changes when evdesk starts next.</source>
        <translation>Kuuntelija muuttuu, kun evdesk käynnistyy seuraavan kerran.</translation>
    </message>
    <message>
        <source>Site CA (give it to the chargers)</source>
        <translation>Sivuston CA (anna se latureille)</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Kohde:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Voimassa:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Server certificate (what evdesk shows chargers)</source>
        <translation>Palvelinvarmenne (jonka evdesk esittää latureille)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Lähde:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Myöntäjä:</translation>
    </message>
    <message>
        <source>Names (SAN):</source>
        <translation>Nimet (SAN):</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Luo</translation>
    </message>
    <message>
        <source>Make the site CA (if there is none) and a server certificate with this computer&apos;s names and addresses</source>
        <translation>Luo sivuston CA (jos sitä ei ole) ja palvelinvarmenne tämän tietokoneen nimillä ja osoitteilla</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Uusi</translation>
    </message>
    <message>
        <source>A new server certificate from the site CA; chargers that trust the CA notice nothing</source>
        <translation>Uusi palvelinvarmenne sivuston CA:lta; CA:han luottavat laturit eivät huomaa mitään</translation>
    </message>
    <message>
        <source>Use own certificate…</source>
        <translation>Käytä omaa varmennetta…</translation>
    </message>
    <message>
        <source>A certificate, its key and its CA chain given by the site</source>
        <translation>Sivuston antama varmenne, sen avain ja CA-ketju</translation>
    </message>
    <message>
        <source>Export CA (PEM)…</source>
        <translation>Vie CA (PEM)…</translation>
    </message>
    <message>
        <source>Export CA (DER)…</source>
        <translation>Vie CA (DER)…</translation>
    </message>
    <message>
        <source>Generated by evdesk from the site CA</source>
        <translation>evdeskin kohteen CA:sta luoma</translation>
    </message>
    <message>
        <source>The site&apos;s own certificate</source>
        <translation>Kohteen oma varmenne</translation>
    </message>
    <message>
        <source>None yet: press Generate, or Use own certificate…</source>
        <translation>Ei vielä: paina Luo tai Käytä omaa varmennetta…</translation>
    </message>
    <message>
        <source>New certificates made; chargers on TLS get them at their next connection.</source>
        <translation>Uudet varmenteet luotu; TLS:ää käyttävät latausasemat saavat ne seuraavalla yhteydellä.</translation>
    </message>
    <message>
        <source>The server certificate was renewed from the site CA.</source>
        <translation>Palvelinvarmenne uusittiin kohteen CA:sta.</translation>
    </message>
    <message>
        <source>CA of the site&apos;s certificate (give it to the chargers)</source>
        <translation>Kohteen varmenteen CA (anna se latausasemille)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Käsitellään…</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is in place; chargers on TLS get it at their next connection.</source>
        <translation>Kohteen varmenne on käytössä; TLS:ää käyttävät latausasemat saavat sen seuraavalla yhteydellä.</translation>
    </message>
    <message>
        <source>The CA certificate was written to {path} ({format}).</source>
        <translation>CA-varmenne kirjoitettiin tiedostoon {path} ({format}).</translation>
    </message>
    <message>
        <source>Saved. The OCPP server listens as chosen now; stations on a listener that closed reconnect on the other.</source>
        <translation>Tallennettu. OCPP-palvelin kuuntelee nyt valitulla tavalla; suljetun kuuntelijan asemat yhdistävät uudelleen toiseen.</translation>
    </message>
</context>
<context>
    <name>ChargingProfileDialog</name>
    <message>
        <source>Set charging profile</source>
        <translation>Aseta latausprofiili</translation>
    </message>
    <message>
        <source>Install a charging profile: the limits the station keeps to over time. Stations use the profile with the highest stack level that applies.</source>
        <translation>Asenna latausprofiili: rajat, joita asema noudattaa ajan mittaan. Asemat käyttävät voimassa olevista profiileista sitä, jonka pinotaso on korkein.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiili</translation>
    </message>
    <message>
        <source>Connector:</source>
        <translation>Liitin:</translation>
    </message>
    <message>
        <source>color: #c62828;</source>
        <translation>color: #c62828;</translation>
    </message>
    <message>
        <source>Profile id:</source>
        <translation>Profiilin id:</translation>
    </message>
    <message>
        <source>Stack level:</source>
        <translation>Pinotaso:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Tarkoitus:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Laji:</translation>
    </message>
    <message>
        <source>Recurrency:</source>
        <translation>Toistuvuus:</translation>
    </message>
    <message>
        <source>Schedule starts:</source>
        <translation>Aikataulu alkaa:</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>d.M.yyyy HH:mm</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Voimassa alkaen:</translation>
    </message>
    <message>
        <source>Valid to:</source>
        <translation>Voimassa asti:</translation>
    </message>
    <message>
        <source>Duration (min):</source>
        <translation>Kesto (min):</translation>
    </message>
    <message>
        <source>not set (open-ended)</source>
        <translation>ei asetettu (avoin)</translation>
    </message>
    <message>
        <source>Limits in:</source>
        <translation>Rajat yksikössä:</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Jaksot</translation>
    </message>
    <message>
        <source>Add period</source>
        <translation>Lisää jakso</translation>
    </message>
    <message>
        <source>Remove period</source>
        <translation>Poista jakso</translation>
    </message>
    <message>
        <source>Reason (kept in the action log with your name):</source>
        <translation>Syy (tallennetaan toimintolokiin nimelläsi):</translation>
    </message>
</context>
<context>
    <name>CircuitMembers</name>
    <message>
        <source>Stations on this circuit</source>
        <translation>Tämän virtapiirin asemat</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Asema</translation>
    </message>
    <message>
        <source>Points: phases, wiring</source>
        <translation>Pisteet: vaiheet, kytkentä</translation>
    </message>
    <message>
        <source>Max (A)</source>
        <translation>Maks. (A)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioriteetti</translation>
    </message>
    <message>
        <source>The station to put on this circuit (a station is on one circuit at most)</source>
        <translation>Tähän virtapiiriin lisättävä asema (asema voi olla enintään yhdessä virtapiirissä)</translation>
    </message>
    <message>
        <source>Max (A):</source>
        <translation>Maks. (A):</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Prioriteetti:</translation>
    </message>
    <message>
        <source>0 normal … 9 first: higher stations get their share before the others</source>
        <translation>0 tavallinen … 9 ensin: korkeamman prioriteetin asemat saavat osuutensa ennen muita</translation>
    </message>
    <message>
        <source>Put on circuit</source>
        <translation>Lisää virtapiiriin</translation>
    </message>
    <message>
        <source>Take off circuit</source>
        <translation>Poista virtapiiristä</translation>
    </message>
    <message>
        <source>Limits by time of day</source>
        <translation>Rajat kellonajan mukaan</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Asti</translation>
    </message>
    <message>
        <source>Limit (A)</source>
        <translation>Raja (A)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Alkaen:</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>asti:</translation>
    </message>
    <message>
        <source>Limit (A):</source>
        <translation>Raja (A):</translation>
    </message>
    <message>
        <source>Add limit</source>
        <translation>Lisää raja</translation>
    </message>
    <message>
        <source>Delete limit</source>
        <translation>Poista raja</translation>
    </message>
    <message>
        <source>In the site&apos;s time zone; a window may run past midnight (22:00 to 06:00). Where windows overlap the lowest limit holds; outside them the circuit&apos;s max.</source>
        <translation>Kohteen aikavyöhykkeellä; aikaväli voi jatkua yli keskiyön (22:00–06:00). Päällekkäisillä väleillä pätee pienin raja; niiden ulkopuolella virtapiirin maksimi.</translation>
    </message>
</context>
<context>
    <name>CircuitsPage</name>
    <message>
        <source>Circuits</source>
        <translation>Virtapiirit</translation>
    </message>
    <message>
        <source>Load management shares each circuit&apos;s current between the sessions on it: never above the fuse, the minimum per charging point first, the rest by priority. The tree is the site&apos;s supply: the grid connection, its distributions, their circuits.</source>
        <translation>Kuormanhallinta jakaa kunkin virtapiirin virran sen lataustapahtumien kesken: ei koskaan yli sulakkeen, ensin vähimmäisvirta kullekin latauspisteelle, loput prioriteetin mukaan. Puu kuvaa kohteen sähkönsyötön: liittymä, sen jakokeskukset ja niiden virtapiirit.</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Virtapiiri</translation>
    </message>
    <message>
        <source>Max per phase</source>
        <translation>Enint. / vaihe</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Asemat</translation>
    </message>
    <message>
        <source>Add circuit</source>
        <translation>Lisää virtapiiri</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Fed from:</source>
        <translation>Syöttö:</translation>
    </message>
    <message>
        <source>Phases:</source>
        <translation>Vaiheet:</translation>
    </message>
    <message>
        <source>Max current per phase (A):</source>
        <translation>Suurin virta / vaihe (A):</translation>
    </message>
    <message>
        <source>Reserved for other loads (A):</source>
        <translation>Varattu muille kuormille (A):</translation>
    </message>
    <message>
        <source>Min current per charging point (A):</source>
        <translation>Pienin virta / latauspiste (A):</translation>
    </message>
    <message>
        <source>empty: no minimum</source>
        <translation>tyhjä: ei vähimmäisvirtaa</translation>
    </message>
    <message>
        <source>Save circuit</source>
        <translation>Tallenna virtapiiri</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Asema</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Liitin</translation>
    </message>
    <message>
        <source>Allowed (A)</source>
        <translation>Sallittu (A)</translation>
    </message>
    <message>
        <source>Drawn (A)</source>
        <translation>Otettu (A)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>— none: this is the grid connection —</source>
        <translation>— ei mitään: tämä on liittymä —</translation>
    </message>
    <message>
        <source>Three-phase</source>
        <translation>Kolmivaihe</translation>
    </message>
    <message>
        <source>Single-phase</source>
        <translation>Yksivaihe</translation>
    </message>
    <message>
        <source>Current per phase (A)</source>
        <translation>Virta / vaihe (A)</translation>
    </message>
    <message>
        <source>Circuit {name}</source>
        <translation>Virtapiiri {name}</translation>
    </message>
    <message>
        <source>New circuit</source>
        <translation>Uusi virtapiiri</translation>
    </message>
    <message>
        <source>Circuit {name} saved.</source>
        <translation>Virtapiiri {name} tallennettu.</translation>
    </message>
    <message>
        <source>Delete circuit</source>
        <translation>Poista virtapiiri</translation>
    </message>
    <message>
        <source>Delete circuit {name}? Its stations leave load management and keep their fallback limit.</source>
        <translation>Poistetaanko virtapiiri {name}? Sen asemat poistuvat kuormanhallinnasta ja säilyttävät vararajansa.</translation>
    </message>
    <message>
        <source>Choose a circuit to see its current.</source>
        <translation>Valitse virtapiiri nähdäksesi sen virran.</translation>
    </message>
    <message>
        <source>{name}: limit {limit} A per phase. No allocation yet (load management re-allocates when a session starts or ends, and every minute).</source>
        <translation>{name}: raja {limit} A / vaihe. Ei vielä jakoa (kuormanhallinta jakaa uudelleen, kun lataustapahtuma alkaa tai päättyy, ja minuutin välein).</translation>
    </message>
    <message>
        <source>{name}: limit {limit} A per phase; {sessions} sessions{waiting}; the busiest phase draws {share} of the limit.</source>
        <translation>{name}: raja {limit} A / vaihe; {sessions} lataustapahtumaa{waiting}; kuormitetuin vaihe ottaa {share} rajasta.</translation>
    </message>
    <message>
        <source>, {count} waiting for room</source>
        <translation>, {count} odottaa tilaa</translation>
    </message>
    <message>
        <source>waits: no room above the minimum</source>
        <translation>odottaa: ei tilaa vähimmäisvirran yli</translation>
    </message>
    <message>
        <source>limit not applied!</source>
        <translation>rajaa ei noudatettu!</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>lataa</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Jäsenet</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Kattaa</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Hinnasto</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Virhe</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operaattori</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Etuliite</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Viimeksi käytetty</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Peruttu</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Asema</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Liitin</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <source>Charging user</source>
        <translation>Latauskäyttäjä</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <source>Start (min)</source>
        <translation>Alku (min)</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Raja</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Vaiheet</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Suunta</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Viestin id</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Sisältö</translation>
    </message>
    <message>
        <source>Charging group / station</source>
        <translation>Latausryhmä / asema</translation>
    </message>
    <message>
        <source>Charging points</source>
        <translation>Latauspisteet</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <source>Charging point</source>
        <translation>Latauspiste</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Error type</source>
        <translation>Virhetyyppi</translation>
    </message>
    <message>
        <source>Date &amp; time</source>
        <translation>Päivä ja aika</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ongelma</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rivi</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Sarake</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>Charging group</source>
        <translation>Latausryhmä</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tiedosto</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Koko</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>Lähettäjä</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Lähetetty</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Lähetetty</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Edistyminen</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Yhteys</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Lisätieto</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Asemat</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Lähde</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Virhekoodi</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Valmistaja</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Pyydetty</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Viite</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kausi</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Eräpäivä</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postinumero</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Kaupunki</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Maa</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Koordinaatit</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Aikavyöhyke</translation>
    </message>
    <message>
        <source>Managed by</source>
        <translation>Hallinnoi</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Valmistaja</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Malli</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Ryhmä</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Vastaanottajat</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Tapaukset</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Ajoitus</translation>
    </message>
    <message>
        <source>Auto-recovery</source>
        <translation>Automaattinen palautus</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Tapaus</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Mail server&apos;s answer</source>
        <translation>Sähköpostipalvelimen vastaus</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Sähköpostiosoite</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Oikeudet</translation>
    </message>
    <message>
        <source>Base group</source>
        <translation>Perusryhmä</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Viimeisin kirjautuminen</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Tunnus</translation>
    </message>
    <message>
        <source>Detail status</source>
        <translation>Tarkka tila</translation>
    </message>
    <message>
        <source>Unavailable since</source>
        <translation>Poissa käytöstä alkaen</translation>
    </message>
    <message>
        <source>Error rate (30 days)</source>
        <translation>Virheosuus (30 päivää)</translation>
    </message>
    <message>
        <source>Sessions (30 days)</source>
        <translation>Tapahtumat (30 päivää)</translation>
    </message>
    <message>
        <source>Failed sessions (30 days)</source>
        <translation>Epäonnistuneet tapahtumat (30 päivää)</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Viimeisin tapahtuma</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Versio</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiivinen</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Aikataulu</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Kohteet</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Seuraava ajo</translation>
    </message>
    <message>
        <source>Task name</source>
        <translation>Tehtävän nimi</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Uusinta</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Alku</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Loppu</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Käyttäjäryhmä</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>Energia (kWh)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Hinta</translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation>Lopetuksen syy</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Liput</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Avain</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Vain luku</translation>
    </message>
    <message>
        <source>Fetched at</source>
        <translation>Haettu</translation>
    </message>
    <message>
        <source>Compared station</source>
        <translation>Verrattu asema</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sijainti</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Liittimet</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Yhteys</translation>
    </message>
    <message>
        <source>System status</source>
        <translation>Käyttötila</translation>
    </message>
    <message>
        <source>Connector status</source>
        <translation>Liittimien tila</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Viimeksi nähty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Hinta</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Voimassa alkaen</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Voimassa asti</translation>
    </message>
    <message>
        <source>Tariff groups</source>
        <translation>Hinnastoryhmät</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>Hinnastot</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Liitetty</translation>
    </message>
    <message>
        <source>Token id</source>
        <translation>Tunnisteen id</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Voimassa asti</translation>
    </message>
    <message>
        <source>Parent token</source>
        <translation>Ylätunniste</translation>
    </message>
    <message>
        <source>Sessions at a time</source>
        <translation>Tapahtumia kerrallaan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Ajoneuvot</translation>
    </message>
    <message>
        <source>Charging stations</source>
        <translation>Latausasemat</translation>
    </message>
    <message>
        <source>Charging users</source>
        <translation>Latauskäyttäjät</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Lataustapahtumat</translation>
    </message>
    <message>
        <source>Charging groups</source>
        <translation>Latausryhmät</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Sijainnit</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponentti</translation>
    </message>
    <message>
        <source>EVSE</source>
        <translation>EVSE</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Muuttuja</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribuutti</translation>
    </message>
    <message>
        <source>Can be set</source>
        <translation>Asetettavissa</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Havaittu</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Tietue</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Säilytetty</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Hävinnyt</translation>
    </message>
    <message>
        <source>Values that lost</source>
        <translation>Hävinneet arvot</translation>
    </message>
</context>
<context>
    <name>CommLogModel</name>
    <message>
        <source>→ to station</source>
        <translation>→ asemalle</translation>
    </message>
    <message>
        <source>← from station</source>
        <translation>← asemalta</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <source>Command</source>
        <translation>Komento</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametrit</translation>
    </message>
    <message>
        <source>Reason (required, kept in the action log):</source>
        <translation>Syy (pakollinen, tallennetaan toimintolokiin):</translation>
    </message>
    <message>
        <source>Why is this command sent? e.g. &quot;Driver called: cable stuck&quot;</source>
        <translation>Miksi komento lähetetään? esim. &quot;Kuljettaja soitti: kaapeli jumissa&quot;</translation>
    </message>
    <message>
        <source>The OCPP server is not running in this program, so commands cannot be sent.</source>
        <translation>OCPP-palvelin ei ole käynnissä tässä ohjelmassa, joten komentoja ei voi lähettää.</translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the action log with your name.</source>
        <translation>Anna syy: se tallennetaan toimintolokiin nimesi kanssa.</translation>
    </message>
    <message>
        <source>Waiting for the station…</source>
        <translation>Odotetaan asemaa…</translation>
    </message>
    <message>
        <source>What the station will allow from {start}, all its profiles combined ({periods}, in {unit}).</source>
        <translation>Mitä asema sallii {start} alkaen kaikki profiilit yhdistettyinä ({periods}, yksikkö {unit}).</translation>
    </message>
    <message>
        <source>What the station will allow, all its profiles combined ({periods}, in {unit}).</source>
        <translation>Mitä asema sallii kaikki profiilit yhdistettyinä ({periods}, yksikkö {unit}).</translation>
    </message>
    <message>
        <source>{count} period</source>
        <translation>{count} jakso</translation>
    </message>
    <message>
        <source>{count} periods</source>
        <translation>{count} jaksoa</translation>
    </message>
    <message>
        <source>The station sent no schedule.</source>
        <translation>Asema ei lähettänyt aikataulua.</translation>
    </message>
    <message>
        <source>Not sent: correct the marked field.</source>
        <translation>Ei lähetetty: korjaa merkitty kenttä.</translation>
    </message>
    <message>
        <source>Remote command execution failed: {error}. Try again; if it keeps failing, check the communication log.</source>
        <translation>Etäkomennon suoritus epäonnistui: {error}. Yritä uudelleen; jos se epäonnistuu toistuvasti, tarkista tietoliikenneloki.</translation>
    </message>
</context>
<context>
    <name>CommandParams</name>
    <message>
        <source>Ask the station to start a session for an id tag (the driver still plugs in). Choose which tariff applies and, if you like, when evdesk stops the session.</source>
        <translation>Pyydä asemaa aloittamaan lataus tunnisteelle (kuljettaja kytkee silti kaapelin). Valitse sovellettava hinnasto ja halutessasi, milloin evdesk lopettaa latauksen.</translation>
    </message>
    <message>
        <source>Start charging</source>
        <translation>Aloita lataus</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Liitin</translation>
    </message>
    <message>
        <source>Id tag</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <source>The token the session is charged to, e.g. 04A2B3C4D5.</source>
        <translation>Tunniste, jolle lataus veloitetaan, esim. 04A2B3C4D5.</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Hinnasto</translation>
    </message>
    <message>
        <source>As the tariff groups decide: the access profile&apos;s or the station&apos;s tariff. Free: no charge.</source>
        <translation>Hinnastoryhmien mukaan: pääsyprofiilin tai aseman hinnasto. Maksuton: ei veloitusta.</translation>
    </message>
    <message>
        <source>Stop after (minutes)</source>
        <translation>Lopeta kun kulunut (min)</translation>
    </message>
    <message>
        <source>evdesk asks the station to stop the session after this long.</source>
        <translation>evdesk pyytää asemaa lopettamaan latauksen tämän ajan kuluttua.</translation>
    </message>
    <message>
        <source>Stop at energy (kWh)</source>
        <translation>Lopeta energiaan (kWh)</translation>
    </message>
    <message>
        <source>e.g. 20 or 12.5</source>
        <translation>esim. 20 tai 12.5</translation>
    </message>
    <message>
        <source>Stop at cost ({currency})</source>
        <translation>Lopeta hintaan ({currency})</translation>
    </message>
    <message>
        <source>e.g. 9.50</source>
        <translation>esim. 9.50</translation>
    </message>
    <message>
        <source>Ask the station to end a running session.</source>
        <translation>Pyydä asemaa lopettamaan käynnissä oleva lataus.</translation>
    </message>
    <message>
        <source>Stop charging</source>
        <translation>Lopeta lataus</translation>
    </message>
    <message>
        <source>Session (transaction id)</source>
        <translation>Lataus (tapahtuman id)</translation>
    </message>
    <message>
        <source>Unlock a connector so a stuck cable can be removed. A running session on it may end.</source>
        <translation>Avaa liittimen lukitus, jotta jumittunut kaapeli saadaan irti. Liittimen käynnissä oleva lataus voi päättyä.</translation>
    </message>
    <message>
        <source>Release cable</source>
        <translation>Vapauta kaapeli</translation>
    </message>
    <message>
        <source>Hold a connector for one id tag until the expiry time.</source>
        <translation>Varaa liitin yhdelle tunnisteelle päättymisaikaan asti.</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Varaa</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Päättyy</translation>
    </message>
    <message>
        <source>Parent id tag</source>
        <translation>Päätunniste</translation>
    </message>
    <message>
        <source>Cancel a reservation by its number.</source>
        <translation>Peru varaus sen numerolla.</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>Peru varaus</translation>
    </message>
    <message>
        <source>Reservation id</source>
        <translation>Varauksen id</translation>
    </message>
    <message>
        <source>Soft reset restarts the station&apos;s software; hard reset restarts the whole station. Running sessions are stopped.</source>
        <translation>Pehmeä uudelleenkäynnistys käynnistää aseman ohjelmiston uudelleen, kova koko aseman. Käynnissä olevat lataukset lopetetaan.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Nollaus</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <source>Soft reset (restart the application)</source>
        <translation>Pehmeä (käynnistä sovellus uudelleen)</translation>
    </message>
    <message>
        <source>Hard reset (restart the station)</source>
        <translation>Kova (käynnistä asema uudelleen)</translation>
    </message>
    <message>
        <source>Enable or disable charging on one connector or the whole station.</source>
        <translation>Salli tai estä lataus yhdessä liittimessä tai koko asemalla.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <source>Set to</source>
        <translation>Aseta tilaan</translation>
    </message>
    <message>
        <source>Available (operative)</source>
        <translation>Käytettävissä (operative)</translation>
    </message>
    <message>
        <source>Unavailable (inoperative)</source>
        <translation>Ei käytettävissä (inoperative)</translation>
    </message>
    <message>
        <source>Clear the station&apos;s cache of recently accepted RFID tags.</source>
        <translation>Tyhjennä aseman välimuisti äskettäin hyväksytyistä RFID-tunnisteista.</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Tyhjennä välimuisti</translation>
    </message>
    <message>
        <source>Ask the station to send a message now.</source>
        <translation>Pyydä asemaa lähettämään viesti nyt.</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Laukaise</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Viesti</translation>
    </message>
    <message>
        <source>Read configuration keys from the station (all keys when none are given); the Configuration tab shows them.</source>
        <translation>Lue asetusavaimet asemalta (kaikki, jos mitään ei anneta); Asetukset-välilehti näyttää ne.</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lue</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Avaimet</translation>
    </message>
    <message>
        <source>Comma-separated; empty = all keys.</source>
        <translation>Pilkuin eroteltuina; tyhjä = kaikki avaimet.</translation>
    </message>
    <message>
        <source>Set one configuration key. Invalid values can make a station malfunction.</source>
        <translation>Aseta yksi asetusavain. Virheelliset arvot voivat sotkea aseman toiminnan.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Muuta</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Avain</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <source>Replace (Full) or update (Differential) the id tags the station accepts offline.</source>
        <translation>Korvaa (Full) tai päivitä (Differential) tunnisteet, jotka asema hyväksyy ilman yhteyttä.</translation>
    </message>
    <message>
        <source>List version</source>
        <translation>Listan versio</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Päivitys</translation>
    </message>
    <message>
        <source>Entries (JSON list)</source>
        <translation>Rivit (JSON-lista)</translation>
    </message>
    <message>
        <source>Ask which version of the local authorization list the station holds.</source>
        <translation>Kysy, mikä paikallisen valtuutuslistan versio asemalla on.</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Kysy</translation>
    </message>
    <message>
        <source>Send a vendor-specific message.</source>
        <translation>Lähetä valmistajakohtainen viesti.</translation>
    </message>
    <message>
        <source>Vendor id</source>
        <translation>Valmistajan id</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Viestin id</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Install a charging profile (the station panel opens its editor: fields, periods and a chart).</source>
        <translation>Asenna latausprofiili (asemapaneeli avaa sen editorin: kentät, jaksot ja kaavio).</translation>
    </message>
    <message>
        <source>Profile (JSON)</source>
        <translation>Profiili (JSON)</translation>
    </message>
    <message>
        <source>Remove charging profiles; every field left unset matches all.</source>
        <translation>Poista latausprofiileja; jokainen tyhjäksi jätetty kenttä täsmää kaikkiin.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation>Profiilin id</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Tarkoitus</translation>
    </message>
    <message>
        <source>Any purpose</source>
        <translation>Mikä tahansa tarkoitus</translation>
    </message>
    <message>
        <source>Stack level</source>
        <translation>Pinotaso</translation>
    </message>
    <message>
        <source>Ask the station what it will draw over the coming period, all profiles combined.</source>
        <translation>Kysy asemalta, paljonko se ottaa tulevan jakson aikana kaikki profiilit yhdistettyinä.</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Kesto (s)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <source>Station&apos;s choice</source>
        <translation>Aseman valinta</translation>
    </message>
    <message>
        <source>Ampere (A)</source>
        <translation>Ampeeri (A)</translation>
    </message>
    <message>
        <source>Watt (W)</source>
        <translation>Watti (W)</translation>
    </message>
    <message>
        <source>The station downloads firmware from the location and installs it after the retrieve time.</source>
        <translation>Asema lataa laiteohjelmiston osoitteesta ja asentaa sen noutoajan jälkeen.</translation>
    </message>
    <message>
        <source>Schedule update</source>
        <translation>Ajasta päivitys</translation>
    </message>
    <message>
        <source>Location (URL)</source>
        <translation>Osoite (URL)</translation>
    </message>
    <message>
        <source>e.g. ftp://files.example.com/fw/evb200-1.9.0.bin</source>
        <translation>esim. ftp://files.example.com/fw/evb200-1.9.0.bin</translation>
    </message>
    <message>
        <source>Retrieve after</source>
        <translation>Nouda jälkeen</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Uusintayritykset</translation>
    </message>
    <message>
        <source>Retry interval (s)</source>
        <translation>Uusintaväli (s)</translation>
    </message>
    <message>
        <source>The station uploads a diagnostics file to the location; progress shows in the network log.</source>
        <translation>Asema lähettää diagnostiikkatiedoston osoitteeseen; eteneminen näkyy verkkolokissa.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Pyydä</translation>
    </message>
    <message>
        <source>Upload location (URL)</source>
        <translation>Lähetysosoite (URL)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Asti</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (valinnainen)</translation>
    </message>
    <message>
        <source>Ask the station for a certificate signing request; it waits under Settings → Certificates for an admin (or is signed at once for adopted stations when the site says so).</source>
        <translation>Pyydä asemalta varmenteen allekirjoituspyyntö; se odottaa ylläpitäjää kohdassa Asetukset → Varmenteet (tai allekirjoitetaan heti hyväksytyille asemille, jos kohteen asetus niin määrää).</translation>
    </message>
    <message>
        <source>Diagnostics log</source>
        <translation>Diagnostiikkaloki</translation>
    </message>
    <message>
        <source>Ask which root certificates of a kind the station holds (each with the hash data that deletes it).</source>
        <translation>Kysy, mitkä tietyn lajin juurivarmenteet asemalla on (kukin poistoon tarvittavine tiivistetietoineen).</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Give the station the site&apos;s CA certificate as its central system root, so that it trusts evdesk&apos;s wss:// certificate (security profiles 2 and 3).</source>
        <translation>Anna asemalle kohteen CA-varmenne sen keskusjärjestelmän juurivarmenteeksi, jotta se luottaa evdeskin wss://-varmenteeseen (suojausprofiilit 2 ja 3).</translation>
    </message>
    <message>
        <source>Central system root</source>
        <translation>Keskusjärjestelmän juurivarmenne</translation>
    </message>
    <message>
        <source>The station uploads its diagnostics or security log to the location; progress shows in the network log.</source>
        <translation>Asema lähettää diagnostiikka- tai tietoturvalokinsa osoitteeseen; eteneminen näkyy verkkolokissa.</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Asenna</translation>
    </message>
    <message>
        <source>Remove a root certificate from the station, named by the hash data &quot;Installed certificates&quot; reported.</source>
        <translation>Poista asemalta juurivarmenne, jonka &quot;Asennetut varmenteet&quot; ilmoitti tiivistetietoineen.</translation>
    </message>
    <message>
        <source>Hash data (JSON)</source>
        <translation>Tiivistetiedot (JSON)</translation>
    </message>
    <message>
        <source>e.g. https://files.example.com/fw/evb200-2.0.0.bin</source>
        <translation>esim. https://files.example.com/fw/evb200-2.0.0.bin</translation>
    </message>
    <message>
        <source>Security log</source>
        <translation>Tietoturvaloki</translation>
    </message>
    <message>
        <source>Signature (base64)</source>
        <translation>Allekirjoitus (base64)</translation>
    </message>
    <message>
        <source>Signing certificate (PEM)</source>
        <translation>Allekirjoitusvarmenne (PEM)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Loki</translation>
    </message>
    <message>
        <source>Manufacturer root</source>
        <translation>Valmistajan juurivarmenne</translation>
    </message>
    <message>
        <source>The station downloads signed firmware, checks its signature with the signing certificate and installs it after the retrieve time (1.6 SignedUpdateFirmware, 2.0.1 UpdateFirmware).</source>
        <translation>Asema lataa allekirjoitetun laiteohjelmiston, tarkistaa sen allekirjoituksen allekirjoitusvarmenteella ja asentaa sen noutoajan jälkeen (1.6 SignedUpdateFirmware, 2.0.1 UpdateFirmware).</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Charging</source>
        <translation>Lataus</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Asema</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Määritykset</translation>
    </message>
    <message>
        <source>Smart charging</source>
        <translation>Älykäs lataus</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Huolto</translation>
    </message>
    <message>
        <source>Start charging…</source>
        <translation>Aloita lataus…</translation>
    </message>
    <message>
        <source>Stop charging…</source>
        <translation>Lopeta lataus…</translation>
    </message>
    <message>
        <source>Release cable (unlock connector)…</source>
        <translation>Vapauta kaapeli (avaa liittimen lukitus)…</translation>
    </message>
    <message>
        <source>Reserve connector…</source>
        <translation>Varaa liitin…</translation>
    </message>
    <message>
        <source>Cancel reservation…</source>
        <translation>Peru varaus…</translation>
    </message>
    <message>
        <source>Reset…</source>
        <translation>Nollaa…</translation>
    </message>
    <message>
        <source>Set available / unavailable…</source>
        <translation>Aseta käytettäväksi / pois käytöstä…</translation>
    </message>
    <message>
        <source>Clear cache…</source>
        <translation>Tyhjennä välimuisti…</translation>
    </message>
    <message>
        <source>Trigger message…</source>
        <translation>Pyydä viesti…</translation>
    </message>
    <message>
        <source>Refresh configuration…</source>
        <translation>Päivitä määritykset…</translation>
    </message>
    <message>
        <source>Change configuration…</source>
        <translation>Muuta määrityksiä…</translation>
    </message>
    <message>
        <source>Send local authorization list…</source>
        <translation>Lähetä paikallinen valtuutuslista…</translation>
    </message>
    <message>
        <source>Get local list version…</source>
        <translation>Hae paikallisen listan versio…</translation>
    </message>
    <message>
        <source>Data transfer…</source>
        <translation>Tiedonsiirto…</translation>
    </message>
    <message>
        <source>Set charging profile…</source>
        <translation>Aseta latausprofiili…</translation>
    </message>
    <message>
        <source>Clear charging profiles…</source>
        <translation>Tyhjennä latausprofiilit…</translation>
    </message>
    <message>
        <source>Get composite schedule…</source>
        <translation>Hae yhdistetty aikataulu…</translation>
    </message>
    <message>
        <source>Firmware update…</source>
        <translation>Laiteohjelmistopäivitys…</translation>
    </message>
    <message>
        <source>Get diagnostics…</source>
        <translation>Hae diagnostiikka…</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Tietoturva</translation>
    </message>
    <message>
        <source>Signed firmware update…</source>
        <translation>Allekirjoitettu laiteohjelmistopäivitys…</translation>
    </message>
    <message>
        <source>Get log…</source>
        <translation>Hae loki…</translation>
    </message>
    <message>
        <source>Install the site CA…</source>
        <translation>Asenna kohteen CA…</translation>
    </message>
    <message>
        <source>Installed certificates…</source>
        <translation>Asennetut varmenteet…</translation>
    </message>
    <message>
        <source>Delete a certificate…</source>
        <translation>Poista varmenne…</translation>
    </message>
    <message>
        <source>Request a station certificate…</source>
        <translation>Pyydä aseman varmenne…</translation>
    </message>
</context>
<context>
    <name>CompatProfile</name>
    <message>
        <source>Switches evdesk applies to this station</source>
        <translation>Asetukset, joita evdesk soveltaa tähän asemaan</translation>
    </message>
    <message>
        <source>Strip vendor suffix from id tags</source>
        <translation>Poista valmistajan pääte tunnisteista</translation>
    </message>
    <message>
        <source>An id tag like 04A1B2C3_serial is matched as 04A1B2C3.</source>
        <translation>Tunniste kuten 04A1B2C3_serial tunnistetaan muodossa 04A1B2C3.</translation>
    </message>
    <message>
        <source>Skip schema validation</source>
        <translation>Ohita skeematarkistus</translation>
    </message>
    <message>
        <source>Accept messages that break the OCPP 1.6 schema (for firmware known to send them).</source>
        <translation>Hyväksy viestit, jotka rikkovat OCPP 1.6 -skeemaa (laiteohjelmistoille, joiden tiedetään lähettävän niitä).</translation>
    </message>
    <message>
        <source>Timestamps without zone are local time</source>
        <translation>Aikaleimat ilman vyöhykettä ovat paikallista aikaa</translation>
    </message>
    <message>
        <source>Read a time without offset in the station&apos;s time zone instead of UTC.</source>
        <translation>Lue aika ilman poikkeamaa aseman aikavyöhykkeellä UTC:n sijaan.</translation>
    </message>
    <message>
        <source>Energy without unit is in kWh</source>
        <translation>Energia ilman yksikköä on kWh</translation>
    </message>
    <message>
        <source>Meter readings with no unit are kWh (some meters), not Wh.</source>
        <translation>Mittarilukemat ilman yksikköä ovat kWh (jotkin mittarit), eivät Wh.</translation>
    </message>
    <message>
        <source>Set the meter-value interval after boot</source>
        <translation>Aseta mittausväli käynnistyksen jälkeen</translation>
    </message>
    <message>
        <source>evdesk sends MeterValueSampleInterval after each boot.</source>
        <translation>evdesk lähettää MeterValueSampleInterval-arvon jokaisen käynnistyksen jälkeen.</translation>
    </message>
    <message>
        <source>Smart charging supported</source>
        <translation>Älykäs lataus tuettu</translation>
    </message>
    <message>
        <source>Set charging profile is offered and sent.</source>
        <translation>Latausprofiilin asetus tarjotaan ja lähetetään.</translation>
    </message>
    <message>
        <source>Highest stack level:</source>
        <translation>Korkein pinotaso:</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>ei tiedossa</translation>
    </message>
    <message>
        <source>ChargeProfileMaxStackLevel: profiles above it are refused before they are sent</source>
        <translation>ChargeProfileMaxStackLevel: sen ylittävät profiilit hylätään ennen lähetystä</translation>
    </message>
    <message>
        <source>color: #c62828;</source>
        <translation>color: #c62828;</translation>
    </message>
    <message>
        <source>Charging rate units:</source>
        <translation>Latausnopeuden yksiköt:</translation>
    </message>
    <message>
        <source>ChargingScheduleAllowedChargingRateUnit: what limits may be given in</source>
        <translation>ChargingScheduleAllowedChargingRateUnit: missä yksikössä rajat voi antaa</translation>
    </message>
    <message>
        <source>What the probe saw</source>
        <translation>Mitä luotaus havaitsi</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Havainto</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Nähty</translation>
    </message>
    <message>
        <source>Share with every station of this model</source>
        <translation>Jaa tämän mallin kaikille asemille</translation>
    </message>
    <message>
        <source>New chargers of this model start with these switches</source>
        <translation>Tämän mallin uudet laturit aloittavat näillä asetuksilla</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Palauta</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Tallenna profiili</translation>
    </message>
</context>
<context>
    <name>ConnectHelpDialog</name>
    <message>
        <source>How chargers connect</source>
        <translation>Miten laturit yhdistävät</translation>
    </message>
    <message>
        <source>How chargers connect to evdesk</source>
        <translation>Miten laturit yhdistävät evdeskiin</translation>
    </message>
    <message>
        <source>Enter this in each charging station&apos;s OCPP settings (often called &quot;central system URL&quot;, &quot;backend&quot; or &quot;OCPP server&quot;).</source>
        <translation>Syötä tämä jokaisen latausaseman OCPP-asetuksiin (usein nimeltään &quot;central system URL&quot;, &quot;backend&quot; tai &quot;OCPP server&quot;).</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Osoite:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Portti:</translation>
    </message>
    <message>
        <source>Station identity:</source>
        <translation>Aseman tunnus:</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protokolla:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Salasana:</translation>
    </message>
    <message>
        <source>Unknown stations:</source>
        <translation>Tuntemattomat asemat:</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Kopioi osoite</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>{state} (seat {seat})</source>
        <translation>{state} (työasema {seat})</translation>
    </message>
    <message>
        <source>Online at seat {seat}</source>
        <translation>Yhteydessä työasemaan {seat}</translation>
    </message>
</context>
<context>
    <name>ConnectorCard</name>
    <message>
        <source>Connector</source>
        <translation>Liitin</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tuntematon</translation>
    </message>
    <message>
        <source>Id tag</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Alkoi</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energia</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Teho</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation>Hinta tähän mennessä</translation>
    </message>
    <message>
        <source>Start charging…</source>
        <translation>Aloita lataus…</translation>
    </message>
    <message>
        <source>Stop charging</source>
        <translation>Lopeta lataus</translation>
    </message>
    <message>
        <source>Release cable</source>
        <translation>Vapauta kaapeli</translation>
    </message>
    <message>
        <source>Unlock the connector so the cable can be removed</source>
        <translation>Avaa liittimen lukitus, jotta kaapelin voi irrottaa</translation>
    </message>
    <message>
        <source>Ready by…</source>
        <translation>Valmis klo…</translation>
    </message>
    <message>
        <source>Load management: when this vehicle needs its energy (it is preferred among sessions of equal priority)</source>
        <translation>Kuormanhallinta: milloin tämä ajoneuvo tarvitsee energiansa (se asetetaan etusijalle saman prioriteetin lataustapahtumien kesken)</translation>
    </message>
    <message>
        <source>Connector {number}</source>
        <translation>Liitin {number}</translation>
    </message>
    <message>
        <source>vendor code {code}</source>
        <translation>valmistajan koodi {code}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tuntematon</translation>
    </message>
    <message>
        <source>Since {time}</source>
        <translation>Alkaen {time}</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Ei tapahtumaa</translation>
    </message>
    <message>
        <source>Local time, {zone}</source>
        <translation>Paikallinen aika, {zone}</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Maksuton</translation>
    </message>
</context>
<context>
    <name>ConsumptionChart</name>
    <message>
        <source>sessions</source>
        <translation>tapahtumat</translation>
    </message>
    <message>
        <source>No sessions in this time frame.</source>
        <translation>Ei tapahtumia tällä aikavälillä.</translation>
    </message>
    <message>
        <source>{sessions} sessions, {kwh} kWh</source>
        <translation>{sessions} tapahtumaa, {kwh} kWh</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import charging users</source>
        <translation>Tuo latauskäyttäjiä</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>{count} user imported</source>
        <translation>{count} käyttäjä tuotu</translation>
    </message>
    <message>
        <source>{count} users imported</source>
        <translation>{count} käyttäjää tuotu</translation>
    </message>
    <message>
        <source>{count} row refused</source>
        <translation>{count} rivi hylätty</translation>
    </message>
    <message>
        <source>{count} rows refused</source>
        <translation>{count} riviä hylätty</translation>
    </message>
    <message>
        <source>Importing charging users from &lt;b&gt;{file}&lt;/b&gt;</source>
        <translation>Tuodaan latauskäyttäjiä tiedostosta &lt;b&gt;{file}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Luetaan tiedostoa…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch… (rows already imported stay)</source>
        <translation>Perutaan nykyisen erän jälkeen… (jo tuodut rivit säilyvät)</translation>
    </message>
    <message>
        <source>{done} of {total} rows checked…</source>
        <translation>{done}/{total} riviä tarkistettu…</translation>
    </message>
    <message>
        <source>{count} token added with them.</source>
        <translation>{count} tunniste lisätty heidän mukanaan.</translation>
    </message>
    <message>
        <source>{count} tokens added with them.</source>
        <translation>{count} tunnistetta lisätty heidän mukanaan.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Peruttu.</translation>
    </message>
    <message>
        <source>Refused rows added nothing; fix them in the file and import those rows again.</source>
        <translation>Hylätyt rivit eivät lisänneet mitään; korjaa ne tiedostossa ja tuo ne rivit uudelleen.</translation>
    </message>
    <message>
        <source>The file could not be imported: {error}</source>
        <translation>Tiedostoa ei voitu tuoda: {error}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>By hour</source>
        <translation>Tunneittain</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Päivittäin</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Viikoittain</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Kuukausittain</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Viimeiset 30 päivää</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tämä kuukausi</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Viimeiset 24 tuntia</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Viimeiset 12 kuukautta</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Koontinäyttö</translation>
    </message>
    <message>
        <source>Figures for</source>
        <translation>Luvut ajalta</translation>
    </message>
    <message>
        <source>Charging groups</source>
        <translation>Latausryhmät</translation>
    </message>
    <message>
        <source>Choose the charging groups shown (this desk remembers them)</source>
        <translation>Valitse näytettävät latausryhmät (tämä työpiste muistaa ne)</translation>
    </message>
    <message>
        <source>Charging points by status</source>
        <translation>Latauspisteet tiloittain</translation>
    </message>
    <message>
        <source>Charging events</source>
        <translation>Latauskerrat</translation>
    </message>
    <message>
        <source>Charging points used</source>
        <translation>Käytetyt latauspisteet</translation>
    </message>
    <message>
        <source>kWh charged</source>
        <translation>Ladattu kWh</translation>
    </message>
    <message>
        <source>Consumption: kWh and charging sessions</source>
        <translation>Kulutus: kWh ja lataustapahtumat</translation>
    </message>
    <message>
        <source>Faults &amp;&amp; connectivity loss</source>
        <translation>Viat &amp;&amp; yhteyskatkot</translation>
    </message>
    <message>
        <source>the chosen groups</source>
        <translation>valitut ryhmät</translation>
    </message>
    <message>
        <source>all your charging groups</source>
        <translation>kaikki latausryhmäsi</translation>
    </message>
    <message>
        <source>1 charging station</source>
        <translation>1 latausasema</translation>
    </message>
    <message>
        <source>{n} charging stations</source>
        <translation>{n} latausasemaa</translation>
    </message>
    <message>
        <source>1 charging point</source>
        <translation>1 latauspiste</translation>
    </message>
    <message>
        <source>{n} charging points</source>
        <translation>{n} latauspistettä</translation>
    </message>
    <message>
        <source>{stations} · {points} · {charging} charging now · {errors} in an error condition  ({which})</source>
        <translation>{stations} · {points} · {charging} lataa nyt · {errors} virhetilassa  ({which})</translation>
    </message>
    <message>
        <source>Showing only stations with a charging point that is {phrase} (click the state again to show all).</source>
        <translation>Näytetään vain asemat, joiden latauspiste on tilassa: {phrase} (napsauta tilaa uudelleen näyttääksesi kaikki).</translation>
    </message>
    <message>
        <source>All my charging groups</source>
        <translation>Kaikki latausryhmäni</translation>
    </message>
    <message>
        <source>against the period before</source>
        <translation>edelliseen jaksoon verrattuna</translation>
    </message>
    <message>
        <source>Charging sessions</source>
        <translation>Lataustapahtumat</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energia</translation>
    </message>
    <message>
        <source>Revenue {currency}</source>
        <translation>Tulot {currency}</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Tulot</translation>
    </message>
    <message>
        <source>no priced session</source>
        <translation>ei hinnoiteltuja tapahtumia</translation>
    </message>
    <message>
        <source>New charging users</source>
        <translation>Uudet latauskäyttäjät</translation>
    </message>
    <message>
        <source>New stations</source>
        <translation>Uudet asemat</translation>
    </message>
    <message>
        <source>{period}: {since} – {until}, compared with {previous_since} – {previous_until} ({zone})</source>
        <translation>{period}: {since} – {until}, verrattuna jaksoon {previous_since} – {previous_until} ({zone})</translation>
    </message>
    <message>
        <source>{summary} · all your stations, whatever groups are chosen</source>
        <translation>{summary} · kaikki asemasi valituista ryhmistä riippumatta</translation>
    </message>
    <message>
        <source>The dashboard figures could not be read: {error}</source>
        <translation>Koontinäytön lukuja ei voitu lukea: {error}</translation>
    </message>
    <message>
        <source>No station is offline or faulted.</source>
        <translation>Yksikään asema ei ole offline-tilassa tai viallinen.</translation>
    </message>
    <message>
        <source>1 station</source>
        <translation>1 asema</translation>
    </message>
    <message>
        <source>{total} stations</source>
        <translation>{total} asemaa</translation>
    </message>
    <message>
        <source>{stations}: {offline} offline, {faulted} with a fault</source>
        <translation>{stations}: {offline} offline, {faulted} viallisia</translation>
    </message>
</context>
<context>
    <name>DiagnosticsLog</name>
    <message>
        <source>Request diagnostics</source>
        <translation>Pyydä diagnostiikkaa</translation>
    </message>
    <message>
        <source>The station uploads its diagnostics file to evdesk; it is listed here when it arrives.</source>
        <translation>Asema lähettää diagnostiikkatiedostonsa evdeskiin; se näkyy tässä, kun se saapuu.</translation>
    </message>
    <message>
        <source>over</source>
        <translation>yhteys</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>FTP</source>
        <translation>FTP</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Avaa tiedosto</translation>
    </message>
    <message>
        <source>Open the received file with this computer&apos;s program for it</source>
        <translation>Avaa vastaanotettu tiedosto tämän tietokoneen ohjelmalla</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Näytä kansio</translation>
    </message>
</context>
<context>
    <name>DonutChart</name>
    <message>
        <source>charging points</source>
        <translation>latauspistettä</translation>
    </message>
</context>
<context>
    <name>EventFeedModel</name>
    <message>
        <source>Status update</source>
        <translation>Tilapäivitys</translation>
    </message>
    <message>
        <source>Charging point #0 (station)</source>
        <translation>Latauspiste #0 (asema)</translation>
    </message>
    <message>
        <source>Charging point #{number}</source>
        <translation>Latauspiste #{number}</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <source>— nothing to compare with</source>
        <translation>— ei vertailukohtaa</translation>
    </message>
</context>
<context>
    <name>FirmwarePage</name>
    <message>
        <source>Stations download firmware from evdesk itself (HTTP, or FTP with one-time logins). Upload a file once, then send it to a station or a whole charging group.</source>
        <translation>Asemat lataavat laiteohjelmiston suoraan evdeskistä (HTTP, tai FTP kertakäyttöisin tunnuksin). Lähetä tiedosto kerran ja lähetä se sitten asemalle tai koko latausryhmälle.</translation>
    </message>
    <message>
        <source>Firmware files</source>
        <translation>Laiteohjelmistotiedostot</translation>
    </message>
    <message>
        <source>Upload file…</source>
        <translation>Lähetä tiedosto…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Send the selected file</source>
        <translation>Lähetä valittu tiedosto</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <source>Download over</source>
        <translation>Lataus yhteydellä</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>FTP</source>
        <translation>FTP</translation>
    </message>
    <message>
        <source>Install from</source>
        <translation>Asenna alkaen</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>d.M.yyyy HH:mm</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>Kept in each station&apos;s action log</source>
        <translation>Tallennetaan jokaisen aseman toimintolokiin</translation>
    </message>
    <message>
        <source>Send firmware</source>
        <translation>Lähetä laiteohjelmisto</translation>
    </message>
    <message>
        <source>Roll-outs</source>
        <translation>Jakelut</translation>
    </message>
    <message>
        <source>Group {name} (all its stations)</source>
        <translation>Ryhmä {name} (kaikki sen asemat)</translation>
    </message>
    <message>
        <source>Station {name}</source>
        <translation>Asema {name}</translation>
    </message>
    <message>
        <source>Roll-outs — {file} to {target}: {summary}</source>
        <translation>Jakelut — {file} kohteeseen {target}: {summary}</translation>
    </message>
    <message>
        <source>Only an admin of the whole site deletes firmware files (other groups use them too).</source>
        <translation>Vain koko sivuston ylläpitäjä voi poistaa laiteohjelmistotiedostoja (muutkin ryhmät käyttävät niitä).</translation>
    </message>
    <message>
        <source>This seat runs no OCPP server: send firmware from the seat the stations are connected to.</source>
        <translation>Tällä työasemalla ei ole OCPP-palvelinta: lähetä laiteohjelmisto työasemalta, johon asemat ovat yhteydessä.</translation>
    </message>
    <message>
        <source>Send {name}</source>
        <translation>Lähetä {name}</translation>
    </message>
    <message>
        <source>Install from
({zone})</source>
        <translation>Asenna alkaen
({zone})</translation>
    </message>
    <message>
        <source>Upload a firmware file</source>
        <translation>Lataa laiteohjelmistotiedosto</translation>
    </message>
    <message>
        <source>Uploading {path}…</source>
        <translation>Ladataan {path}…</translation>
    </message>
    <message>
        <source>{name} stored ({size}, SHA-256 {sha}…).</source>
        <translation>{name} tallennettu ({size}, SHA-256 {sha}…).</translation>
    </message>
    <message>
        <source>Delete firmware file</source>
        <translation>Poista laiteohjelmistotiedosto</translation>
    </message>
    <message>
        <source>Delete {name}? Stations still downloading it will fail.</source>
        <translation>Poistetaanko {name}? Sitä vielä lataavien asemien päivitys epäonnistuu.</translation>
    </message>
    <message>
        <source>Firmware file deleted.</source>
        <translation>Laiteohjelmistotiedosto poistettu.</translation>
    </message>
    <message>
        <source>Sending {name} to {target}…</source>
        <translation>Lähetetään {name} kohteeseen {target}…</translation>
    </message>
    <message>
        <source>Sent {name}: progress per station below.</source>
        <translation>{name} lähetetty: asemakohtainen eteneminen alla.</translation>
    </message>
    <message>
        <source>Failed: {error}. Try again.</source>
        <translation>Epäonnistui: {error}. Yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>FrameDialog</name>
    <message>
        <source>OCPP message</source>
        <translation>OCPP-viesti</translation>
    </message>
</context>
<context>
    <name>GroupPickDialog</name>
    <message>
        <source>Charging group</source>
        <translation>Latausryhmä</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Parent group:</source>
        <translation>Yläryhmä:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Charging groups</source>
        <translation>Latausryhmät</translation>
    </message>
    <message>
        <source>Groups hold stations; operators see the groups under their base group. Drag a group onto another to move it, or a station onto a group to assign it.</source>
        <translation>Ryhmät sisältävät asemia; operaattorit näkevät perusryhmänsä alla olevat ryhmät. Vedä ryhmä toisen päälle siirtääksesi sen, tai asema ryhmän päälle liittääksesi sen.</translation>
    </message>
    <message>
        <source>Add group…</source>
        <translation>Lisää ryhmä…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Nimeä uudelleen…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Siirrä…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Add stations…</source>
        <translation>Lisää asemia…</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Poista ryhmästä</translation>
    </message>
</context>
<context>
    <name>InvoiceRunDialog</name>
    <message>
        <source>New invoice run</source>
        <translation>Uusi laskutusajo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>d.M.yyyy</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <source>kWh price € (incl. VAT)</source>
        <translation>kWh-hinta € (sis. ALV)</translation>
    </message>
    <message>
        <source>empty: the sessions&apos; own tariffs</source>
        <translation>tyhjä: tapahtumien omat hinnastot</translation>
    </message>
    <message>
        <source>Monthly price € (incl. VAT)</source>
        <translation>Kuukausihinta € (sis. ALV)</translation>
    </message>
    <message>
        <source>empty: the monthly fees in the settings</source>
        <translation>tyhjä: asetusten kuukausimaksut</translation>
    </message>
    <message>
        <source>Charging user groups</source>
        <translation>Latauskäyttäjäryhmät</translation>
    </message>
    <message>
        <source>Charging users (only those with an e-mail address)</source>
        <translation>Latauskäyttäjät (vain ne, joilla on sähköpostiosoite)</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Hae käyttäjiä</translation>
    </message>
    <message>
        <source>Invoice previews</source>
        <translation>Laskujen esikatselut</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Poista valitut</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Avaa PDF</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Peruuta lähetys</translation>
    </message>
    <message>
        <source>Send invoices</source>
        <translation>Lähetä laskut</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Name / line</source>
        <translation>Nimi / rivi</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Viite</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>ALV</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kausi</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Eräpäivä</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>preview</source>
        <translation>esikatselu</translation>
    </message>
    <message>
        <source>unsent</source>
        <translation>lähettämättä</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>lähetetty</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>maksettu</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>erääntynyt</translation>
    </message>
    <message>
        <source>Give the price as a number such as 0.15, or leave it empty.</source>
        <translation>Anna hinta lukuna, esim. 0.15, tai jätä kenttä tyhjäksi.</translation>
    </message>
    <message>
        <source> (billed to {payer})</source>
        <translation> (laskutetaan: {payer})</translation>
    </message>
    <message>
        <source>Members without e-mail</source>
        <translation>Jäsenet ilman sähköpostia</translation>
    </message>
    <message>
        <source>Make the others&apos; invoices</source>
        <translation>Tee muiden laskut</translation>
    </message>
    <message>
        <source>Left out (no e-mail address): {names}.</source>
        <translation>Jätetty pois (ei sähköpostiosoitetta): {names}.</translation>
    </message>
    <message>
        <source>Nothing to bill for: {names}.</source>
        <translation>Ei laskutettavaa: {names}.</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>ei lähetetty</translation>
    </message>
    <message>
        <source>VAT {rate} %</source>
        <translation>ALV {rate} %</translation>
    </message>
    <message>
        <source>{count} invoice, to send {total}</source>
        <translation>{count} lasku, lähetettävänä {total}</translation>
    </message>
    <message>
        <source>{count} invoices, to send {total}</source>
        <translation>{count} laskua, lähetettävänä {total}</translation>
    </message>
    <message>
        <source>Tick the invoices to send.</source>
        <translation>Valitse lähetettävät laskut.</translation>
    </message>
    <message>
        <source>Cancelling: the invoices being e-mailed now finish first…</source>
        <translation>Perutaan: parhaillaan lähtevät laskut lähetetään ensin loppuun…</translation>
    </message>
    <message>
        <source>Sent {count} invoice.</source>
        <translation>{count} lasku lähetetty.</translation>
    </message>
    <message>
        <source>Sent {count} invoices.</source>
        <translation>{count} laskua lähetetty.</translation>
    </message>
    <message>
        <source>{count} not sent: {reason} (and other reasons)</source>
        <translation>{count} jäi lähettämättä: {reason} (ja muita syitä)</translation>
    </message>
    <message>
        <source>{count} not sent: {reason}</source>
        <translation>{count} jäi lähettämättä: {reason}</translation>
    </message>
    <message>
        <source>Send them again from the list.</source>
        <translation>Lähetä ne uudelleen luettelosta.</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>Lähetys peruttiin.</translation>
    </message>
</context>
<context>
    <name>InvoiceSettingsDialog</name>
    <message>
        <source>Invoice settings</source>
        <translation>Laskutusasetukset</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Myyjä</translation>
    </message>
    <message>
        <source>Seller name</source>
        <translation>Myyjän nimi</translation>
    </message>
    <message>
        <source>Business ID</source>
        <translation>Y-tunnus</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>ALV-numero</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>WWW</source>
        <translation>WWW</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>A small JPG or PNG, about 100×100 pixels</source>
        <translation>Pieni JPG tai PNG, noin 100×100 pikseliä</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <source>Payment and numbers</source>
        <translation>Maksu ja numerot</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>FI21 1234 5600 0007 85</source>
        <translation>FI21 1234 5600 0007 85</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Payment terms (days)</source>
        <translation>Maksuehto (päivää)</translation>
    </message>
    <message>
        <source>Penalty interest %</source>
        <translation>Viivästyskorko %</translation>
    </message>
    <message>
        <source>Default VAT %</source>
        <translation>Oletus-ALV %</translation>
    </message>
    <message>
        <source>Reference number start</source>
        <translation>Viitenumeron alku</translation>
    </message>
    <message>
        <source>First invoice number</source>
        <translation>Ensimmäinen laskunumero</translation>
    </message>
    <message>
        <source>Cutoff day of month</source>
        <translation>Kuukauden katkaisupäivä</translation>
    </message>
    <message>
        <source>Invoice period (months)</source>
        <translation>Laskutuskausi (kuukautta)</translation>
    </message>
    <message>
        <source>Language of the PDF</source>
        <translation>PDF:n kieli</translation>
    </message>
    <message>
        <source>Subject ({period} is replaced by the invoice period)</source>
        <translation>Aihe ({period} korvataan laskutuskaudella)</translation>
    </message>
    <message>
        <source>Text (simple HTML: p, br, b, i, u, ul, ol, li, a; anything else is shown as text). The PDF is attached.</source>
        <translation>Teksti (yksinkertainen HTML: p, br, b, i, u, ul, ol, li, a; muu näytetään tekstinä). PDF liitetään.</translation>
    </message>
    <message>
        <source>Monthly fees and payers</source>
        <translation>Kuukausimaksut ja maksajat</translation>
    </message>
    <message>
        <source>Monthly fees (incl. VAT, per full month of the period), and to whom they apply</source>
        <translation>Kuukausimaksut (sis. ALV, kauden jokaiselta täydeltä kuukaudelta) ja keitä ne koskevat</translation>
    </message>
    <message>
        <source>Add fee</source>
        <translation>Lisää maksu</translation>
    </message>
    <message>
        <source>Remove fee</source>
        <translation>Poista maksu</translation>
    </message>
    <message>
        <source>User groups billed to one payer (one invoice for all members)</source>
        <translation>Käyttäjäryhmät, joita laskutetaan yhdeltä maksajalta (yksi lasku kaikista jäsenistä)</translation>
    </message>
    <message>
        <source>Add payer</source>
        <translation>Lisää maksaja</translation>
    </message>
    <message>
        <source>Remove payer</source>
        <translation>Poista maksaja</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Price € / month</source>
        <translation>Hinta € / kk</translation>
    </message>
    <message>
        <source>VAT % (empty: default)</source>
        <translation>ALV % (tyhjä: oletus)</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Koskee</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Käyttäjäryhmä</translation>
    </message>
    <message>
        <source>Payer name</source>
        <translation>Maksajan nimi</translation>
    </message>
    <message>
        <source>{label} must be a number.</source>
        <translation>{label}: anna luku.</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Kaikki käyttäjät</translation>
    </message>
    <message>
        <source>Group {name}</source>
        <translation>Ryhmä {name}</translation>
    </message>
    <message>
        <source>A monthly fee</source>
        <translation>Kuukausimaksu</translation>
    </message>
    <message>
        <source>The VAT rate</source>
        <translation>ALV-kanta</translation>
    </message>
    <message>
        <source>The reference number start is digits only, e.g. 10998.</source>
        <translation>Viitenumeron alku on pelkkiä numeroita, esim. 10998.</translation>
    </message>
    <message>
        <source>Penalty interest</source>
        <translation>Viivästyskorko</translation>
    </message>
    <message>
        <source>Someone else saved the invoice settings meanwhile. Close and open them again.</source>
        <translation>Joku muu tallensi laskutusasetukset sillä välin. Sulje ja avaa ne uudelleen.</translation>
    </message>
</context>
<context>
    <name>InvoicesModel</name>
    <message>
        <source> (credit note)</source>
        <translation> (hyvityslasku)</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <source>Invoices</source>
        <translation>Laskut</translation>
    </message>
    <message>
        <source>Search name, e-mail, reference or number</source>
        <translation>Hae nimellä, sähköpostilla, viitteellä tai numerolla</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ajo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Käyttäjä</translation>
    </message>
    <message>
        <source>Period overlaps</source>
        <translation>Kausi osuu välille</translation>
    </message>
    <message>
        <source>d.M.yyyy</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Vain erääntyneet</translation>
    </message>
    <message>
        <source>New invoice run…</source>
        <translation>Uusi laskutusajo…</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Avaa PDF</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Lähetä uudelleen</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>Merkitse maksetuksi</translation>
    </message>
    <message>
        <source>Mark unpaid…</source>
        <translation>Merkitse maksamattomaksi…</translation>
    </message>
    <message>
        <source>Credit note…</source>
        <translation>Hyvityslasku…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>Invoice settings…</source>
        <translation>Laskutusasetukset…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>No invoices match.</source>
        <translation>Ei hakua vastaavia laskuja.</translation>
    </message>
    <message>
        <source>{count} invoice: {all} in all · paid {paid} · open {open} · overdue {overdue} · previews {previews}</source>
        <translation>{count} lasku: yhteensä {all} · maksettu {paid} · avoinna {open} · erääntynyt {overdue} · esikatselut {previews}</translation>
    </message>
    <message>
        <source>{count} invoices: {all} in all · paid {paid} · open {open} · overdue {overdue} · previews {previews}</source>
        <translation>{count} laskua: yhteensä {all} · maksettu {paid} · avoinna {open} · erääntynyt {overdue} · esikatselut {previews}</translation>
    </message>
    <message>
        <source>All runs</source>
        <translation>Kaikki ajot</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Kaikki käyttäjät</translation>
    </message>
    <message>
        <source>{first} - {last} ({count} invoices, by {who})</source>
        <translation>{first} - {last} ({count} laskua, tekijä {who})</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <source>Not sent: {error}</source>
        <translation>Ei lähetetty: {error}</translation>
    </message>
    <message>
        <source>Invoice settings saved.</source>
        <translation>Laskutusasetukset tallennettu.</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>{name} avattu.</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Luodaan PDF…</translation>
    </message>
    <message>
        <source>Sent the invoice to {email}.</source>
        <translation>Lasku lähetetty osoitteeseen {email}.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Mitään ei lähetetty.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Lähetetään…</translation>
    </message>
    <message>
        <source>Marked {name}&apos;s invoice {number} paid.</source>
        <translation>Käyttäjän {name} lasku {number} merkitty maksetuksi.</translation>
    </message>
    <message>
        <source>Marked {name}&apos;s invoice {number} unpaid.</source>
        <translation>Käyttäjän {name} lasku {number} merkitty maksamattomaksi.</translation>
    </message>
    <message>
        <source>Mark unpaid</source>
        <translation>Merkitse maksamattomaksi</translation>
    </message>
    <message>
        <source>Mark {name}&apos;s invoice {number} unpaid?</source>
        <translation>Merkitäänkö käyttäjän {name} lasku {number} maksamattomaksi?</translation>
    </message>
    <message>
        <source>It is then open again, and overdue once its due date has passed.</source>
        <translation>Se on sitten taas avoinna ja erääntyy, kun eräpäivä on ohi.</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Hyvityslasku</translation>
    </message>
    <message>
        <source>Make a credit note for {name}&apos;s invoice {number}?</source>
        <translation>Tehdäänkö hyvityslasku käyttäjän {name} laskulle {number}?</translation>
    </message>
    <message>
        <source>Make credit note</source>
        <translation>Tee hyvityslasku</translation>
    </message>
    <message>
        <source>The credit note cancels the whole invoice; it is a preview until you send it.</source>
        <translation>Hyvityslasku mitätöi koko laskun; se on esikatselu, kunnes lähetät sen.</translation>
    </message>
    <message>
        <source>Made a credit note for invoice {number}: select it and send it.</source>
        <translation>Laskulle {number} tehtiin hyvityslasku: valitse se ja lähetä.</translation>
    </message>
    <message>
        <source>Export invoices</source>
        <translation>Vie laskut</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} rows to {path}.</source>
        <translation>{count} riviä viety tiedostoon {path}.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Failed: {error}. Try again.</source>
        <translation>Epäonnistui: {error}. Yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Location</source>
        <translation>Sijainti</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>30-40 characters is best</source>
        <translation>30–40 merkkiä on paras</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Osoite:</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>Postinumero:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Kaupunki:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Maa:</translation>
    </message>
    <message>
        <source>two-letter code, e.g. FI</source>
        <translation>kaksikirjaiminen koodi, esim. FI</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Koordinaatit:</translation>
    </message>
    <message>
        <source>latitude, e.g. 60.1699</source>
        <translation>leveysaste, esim. 60.1699</translation>
    </message>
    <message>
        <source>longitude, e.g. 24.9384</source>
        <translation>pituusaste, esim. 24.9384</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Aikavyöhyke:</translation>
    </message>
    <message>
        <source>Managed by:</source>
        <translation>Hallinnoi:</translation>
    </message>
    <message>
        <source>the whole site (administrators of the whole site)</source>
        <translation>koko sivusto (koko sivuston ylläpitäjät)</translation>
    </message>
    <message>
        <source>Someone else changed this location since you opened it. Close this window and edit again.</source>
        <translation>Joku muu muutti tätä sijaintia sen jälkeen, kun avasit sen. Sulje ikkuna ja muokkaa uudelleen.</translation>
    </message>
    <message>
        <source>Empty: the site&apos;s time zone</source>
        <translation>Tyhjä: sivuston aikavyöhyke</translation>
    </message>
    <message>
        <source>Edit location {name}</source>
        <translation>Muokkaa sijaintia {name}</translation>
    </message>
    <message>
        <source>Add a location</source>
        <translation>Lisää sijainti</translation>
    </message>
    <message>
        <source>Give the latitude in degrees, e.g. 60.1699.</source>
        <translation>Anna leveysaste asteina, esim. 60.1699.</translation>
    </message>
    <message>
        <source>Give the longitude in degrees, e.g. 24.9384.</source>
        <translation>Anna pituusaste asteina, esim. 24.9384.</translation>
    </message>
</context>
<context>
    <name>LocationsModel</name>
    <message>
        <source>whole site</source>
        <translation>koko sivusto</translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message>
        <source>Locations</source>
        <translation>Sijainnit</translation>
    </message>
    <message>
        <source>Where stations stand: a location has an address, coordinates and a time zone. Create the location first, then put stations at it in their details.</source>
        <translation>Missä asemat sijaitsevat: sijainnilla on osoite, koordinaatit ja aikavyöhyke. Luo ensin sijainti ja liitä sitten asemat siihen niiden tiedoissa.</translation>
    </message>
    <message>
        <source>Search name, address, postcode, city…</source>
        <translation>Hae nimellä, osoitteella, postinumerolla, kaupungilla…</translation>
    </message>
    <message>
        <source>Add location…</source>
        <translation>Lisää sijainti…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>A site-wide location is managed by administrators of the whole site.</source>
        <translation>Koko sivuston sijaintia hallinnoivat koko sivuston ylläpitäjät.</translation>
    </message>
    <message>
        <source>Added the location {name}.</source>
        <translation>Sijainti {name} lisätty.</translation>
    </message>
    <message>
        <source>Saved the location {name}.</source>
        <translation>Sijainti {name} tallennettu.</translation>
    </message>
    <message>
        <source>Its {count} station stays, without a location.</source>
        <translation>Sen {count} asema säilyy ilman sijaintia.</translation>
    </message>
    <message>
        <source>Its {count} stations stay, without a location.</source>
        <translation>Sen {count} asemaa säilyvät ilman sijaintia.</translation>
    </message>
    <message>
        <source>No station stands there.</source>
        <translation>Siellä ei ole asemia.</translation>
    </message>
    <message>
        <source>Delete location</source>
        <translation>Poista sijainti</translation>
    </message>
    <message>
        <source>Delete the location {name}?</source>
        <translation>Poistetaanko sijainti {name}?</translation>
    </message>
    <message>
        <source>Deleted the location {name}.</source>
        <translation>Sijainti {name} poistettu.</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Your login has expired</source>
        <translation>Kirjautumisesi on vanhentunut</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Salasana:</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Jatka</translation>
    </message>
</context>
<context>
    <name>LoginControl</name>
    <message>
        <source>Log out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <source>Nobody logged in: nothing can be changed</source>
        <translation>Kukaan ei ole kirjautunut: mitään ei voi muuttaa</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>Kirjautunut: {name} ({role})</translation>
    </message>
    <message>
        <source>Login valid until {time}</source>
        <translation>Kirjautuminen voimassa {time} asti</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>evdesk — log in</source>
        <translation>evdesk — kirjautuminen</translation>
    </message>
    <message>
        <source>evdesk</source>
        <translation>evdesk</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Käyttäjätunnus:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Salasana:</translation>
    </message>
    <message>
        <source>Lost your password?</source>
        <translation>Unohditko salasanasi?</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>Minulla on koodi</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Kirjaudu</translation>
    </message>
    <message>
        <source>Enter your username. evdesk e-mails you a code to set a new password with; then press “I have a code”.</source>
        <translation>Anna käyttäjätunnuksesi. evdesk lähettää sähköpostiisi koodin uuden salasanan asettamista varten; paina sitten ”Minulla on koodi”.</translation>
    </message>
    <message>
        <source>Back to log in</source>
        <translation>Takaisin kirjautumiseen</translation>
    </message>
    <message>
        <source>E-mail me a code</source>
        <translation>Lähetä koodi sähköpostiin</translation>
    </message>
    <message>
        <source>Enter the code from your invitation or password e-mail and choose your password.</source>
        <translation>Anna kutsu- tai salasanasähköpostin koodi ja valitse salasanasi.</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Koodi:</translation>
    </message>
    <message>
        <source>e.g. K7QM-2XDP</source>
        <translation>esim. K7QM-2XDP</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Uusi salasana:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Toista se:</translation>
    </message>
    <message>
        <source>At least 10 characters with letters and digits, or at least 16 of any kind.</source>
        <translation>Vähintään 10 merkkiä, joissa on kirjaimia ja numeroita, tai vähintään 16 mitä tahansa merkkiä.</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Aseta salasana</translation>
    </message>
    <message>
        <source>No operator exists yet. Create the first administrator: this account may do everything and invites the other operators.</source>
        <translation>Operaattoreita ei ole vielä. Luo ensimmäinen pääkäyttäjä: tämä tili saa tehdä kaiken ja kutsuu muut operaattorit.</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Etunimi:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Sukunimi:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Sähköposti:</translation>
    </message>
    <message>
        <source>for password resets</source>
        <translation>salasanan palautuksia varten</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Luo pääkäyttäjä</translation>
    </message>
    <message>
        <source>Charging station management for {site}</source>
        <translation>Latausasemien hallinta: {site}</translation>
    </message>
    <message>
        <source>evdesk — lost password</source>
        <translation>evdesk — unohtunut salasana</translation>
    </message>
    <message>
        <source>evdesk — set password</source>
        <translation>evdesk — aseta salasana</translation>
    </message>
    <message>
        <source>evdesk — first administrator</source>
        <translation>evdesk — ensimmäinen pääkäyttäjä</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. Try again.</source>
        <translation>Jokin meni pieleen: {error}. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Anna käyttäjätunnuksesi ja salasanasi.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Anna käyttäjätunnuksesi.</translation>
    </message>
    <message>
        <source>If that username has an e-mail address, a code is on its way. It is valid for 72 hours.</source>
        <translation>Jos käyttäjätunnuksella on sähköpostiosoite, koodi on matkalla. Se on voimassa 72 tuntia.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Salasanat eroavat toisistaan.</translation>
    </message>
    <message>
        <source>Password set. Log in with it now.</source>
        <translation>Salasana asetettu. Kirjaudu nyt sillä.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>evdesk</source>
        <translation>evdesk</translation>
    </message>
    <message>
        <source>evdesk cannot store data.</source>
        <translation>evdesk ei voi tallentaa tietoja.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
    <message>
        <source>How chargers connect…</source>
        <translation>Miten laturit yhdistävät…</translation>
    </message>
    <message>
        <source>The address, port and rules a charging station needs to connect to this evdesk</source>
        <translation>Osoite, portti ja säännöt, joita latausasema tarvitsee yhdistääkseen tähän evdeskiin</translation>
    </message>
    <message>
        <source>OCPP server: {address}</source>
        <translation>OCPP-palvelin: {address}</translation>
    </message>
    <message>
        <source>OCPP server: not running in this program</source>
        <translation>OCPP-palvelin: ei käynnissä tässä ohjelmassa</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Haku…</translation>
    </message>
    <message>
        <source>Copied {url}</source>
        <translation>Kopioitu {url}</translation>
    </message>
    <message>
        <source>{online} of {total} stations online</source>
        <translation>{online}/{total} asemaa verkossa</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Wrong credentials.</source>
        <translation>Väärä käyttäjätunnus tai salasana.</translation>
    </message>
    <message>
        <source>Operator is inactive.</source>
        <translation>Operaattori ei ole käytössä.</translation>
    </message>
    <message>
        <source>Operator not found.</source>
        <translation>Operaattoria ei löydy.</translation>
    </message>
    <message>
        <source>Username already exists.</source>
        <translation>Käyttäjätunnus on jo olemassa.</translation>
    </message>
    <message>
        <source>Access denied.</source>
        <translation>Pääsy estetty.</translation>
    </message>
    <message>
        <source>Password does not conform to password policy. Use at least 10 characters with letters and digits, or at least 16 characters of any kind.</source>
        <translation>Salasana ei täytä salasanakäytäntöä. Käytä vähintään 10 merkkiä, joissa on kirjaimia ja numeroita, tai vähintään 16 mitä tahansa merkkiä.</translation>
    </message>
    <message>
        <source>Password does not conform to password policy. The password must not be the username.</source>
        <translation>Salasana ei täytä salasanakäytäntöä. Salasana ei saa olla käyttäjätunnus.</translation>
    </message>
</context>
<context>
    <name>MyAccountPage</name>
    <message>
        <source>My account</source>
        <translation>Oma tili</translation>
    </message>
    <message>
        <source>Name and e-mail</source>
        <translation>Nimi ja sähköposti</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Etunimi:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Sukunimi:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Sähköposti:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Salasana</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Nykyinen salasana:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Uusi salasana:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Toista se:</translation>
    </message>
    <message>
        <source>At least 10 characters with letters and digits, or at least 16 of any kind.</source>
        <translation>Vähintään 10 merkkiä, joissa on kirjaimia ja numeroita, tai vähintään 16 mitä tahansa merkkiä.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Vaihda salasana</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Language of this desk:</source>
        <translation>Tämän työpisteen kieli:</translation>
    </message>
    <message>
        <source>Kept on this computer for your operating-system user. The new language shows when evdesk starts next.</source>
        <translation>Tallennetaan tälle tietokoneelle käyttöjärjestelmän käyttäjällesi. Uusi kieli näkyy, kun evdesk käynnistyy seuraavan kerran.</translation>
    </message>
    <message>
        <source>As the operating system ({language})</source>
        <translation>Käyttöjärjestelmän mukaan ({language})</translation>
    </message>
    <message>
        <source>Language saved.</source>
        <translation>Kieli tallennettu.</translation>
    </message>
    <message>
        <source>Language saved: evdesk shows {language} when it starts next.</source>
        <translation>Kieli tallennettu: evdesk näyttää kielen {language}, kun se käynnistyy seuraavan kerran.</translation>
    </message>
    <message>
        <source>evdesk runs without a logged-in operator here: there is no account to change.</source>
        <translation>evdesk toimii täällä ilman kirjautunutta operaattoria: muutettavaa tiliä ei ole.</translation>
    </message>
    <message>
        <source>the whole site</source>
        <translation>koko sivusto</translation>
    </message>
    <message>
        <source>Username {username} · {role} · base group: {group}. Another admin changes your permissions and base group.</source>
        <translation>Käyttäjätunnus {username} · {role} · perusryhmä: {group}. Toinen pääkäyttäjä muuttaa oikeutesi ja perusryhmäsi.</translation>
    </message>
    <message>
        <source>Your account was changed meanwhile (elsewhere). It has been reloaded: try again.</source>
        <translation>Tiliäsi muutettiin sillä välin (muualla). Se on ladattu uudelleen: yritä uudelleen.</translation>
    </message>
    <message>
        <source>Saving failed: {error}. Try again.</source>
        <translation>Tallennus epäonnistui: {error}. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tallennettu.</translation>
    </message>
    <message>
        <source>Your name and e-mail are saved.</source>
        <translation>Nimesi ja sähköpostisi on tallennettu.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Uudet salasanat eroavat toisistaan.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Salasana vaihdettu.</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Salasanasi on vaihdettu.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>Koontinäyttö</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Asemat</translation>
    </message>
    <message>
        <source>Charging groups</source>
        <translation>Latausryhmät</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Laiteohjelmisto</translation>
    </message>
    <message>
        <source>Charging points</source>
        <translation>Latauspisteet</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Sijainnit</translation>
    </message>
    <message>
        <source>Circuits</source>
        <translation>Virtapiirit</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Mallipohjat</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Lataustapahtumat</translation>
    </message>
    <message>
        <source>Charging users</source>
        <translation>Latauskäyttäjät</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Käyttäjäryhmät</translation>
    </message>
    <message>
        <source>Authorizations</source>
        <translation>Valtuutukset</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Raportit</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>Hinnastot</translation>
    </message>
    <message>
        <source>Access profiles</source>
        <translation>Pääsyprofiilit</translation>
    </message>
    <message>
        <source>Scheduled tasks</source>
        <translation>Ajastetut tehtävät</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Ilmoitukset</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Laskut</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operaattorit</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-avaimet</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>Oma tili</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Varmenteet</translation>
    </message>
    <message>
        <source>Shared data</source>
        <translation>Jaettu tietokanta</translation>
    </message>
</context>
<context>
    <name>NotificationRuleDialog</name>
    <message>
        <source>Notification rule</source>
        <translation>Ilmoitussääntö</translation>
    </message>
    <message>
        <source>Who is mailed about which faults of which stations. A rule covers its charging group with the subgroups, and the stations ticked below; with neither, the whole site.</source>
        <translation>Kenelle lähetetään sähköpostia minkäkin aseman vioista. Sääntö kattaa latausryhmänsä aliryhmineen sekä alla valitut asemat; ilman kumpaakaan koko sivuston.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>e.g. Depot faults</source>
        <translation>esim. Varikon viat</translation>
    </message>
    <message>
        <source>Charging group:</source>
        <translation>Latausryhmä:</translation>
    </message>
    <message>
        <source>And these stations:</source>
        <translation>Ja nämä asemat:</translation>
    </message>
    <message>
        <source>E-mail addresses:</source>
        <translation>Sähköpostiosoitteet:</translation>
    </message>
    <message>
        <source>One address a line</source>
        <translation>Yksi osoite riviä kohden</translation>
    </message>
    <message>
        <source>Operators:</source>
        <translation>Operaattorit:</translation>
    </message>
    <message>
        <source>Cases (at least one)</source>
        <translation>Tapaukset (vähintään yksi)</translation>
    </message>
    <message>
        <source>Unavailable — long-term offline, or a connector Unavailable nobody switched off</source>
        <translation>Ei käytettävissä — pitkään offline, tai liitin tilassa Unavailable ilman että kukaan kytki sitä pois</translation>
    </message>
    <message>
        <source>Fuse tripped — RCD or circuit breaker (GroundFailure, OverCurrentFailure, PowerSwitchFailure)</source>
        <translation>Sulake lauennut — vikavirtasuoja tai johdonsuojakatkaisija (GroundFailure, OverCurrentFailure, PowerSwitchFailure)</translation>
    </message>
    <message>
        <source>Sensor fault — temperature, meter, reader, lock, voltage, vehicle communication</source>
        <translation>Anturivika — lämpötila, mittari, lukija, lukko, jännite, ajoneuvoviestintä</translation>
    </message>
    <message>
        <source>Other fault — Faulted with any other error code</source>
        <translation>Muu vika — Faulted millä tahansa muulla virhekoodilla</translation>
    </message>
    <message>
        <source>Session failed to start — a remote start refused, unanswered or without a session</source>
        <translation>Lataus ei käynnistynyt — etäkäynnistys hylätty, vastaamatta tai ilman tapahtumaa</translation>
    </message>
    <message>
        <source>Load limit not applied — a station draws more than load management allows it</source>
        <translation>Kuormaraja ei toteudu — asema ottaa enemmän virtaa kuin kuormanhallinta sallii</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Mail a case after it lasted:</source>
        <translation>Lähetä tapaus, kun se on kestänyt:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Do not repeat a station and case within:</source>
        <translation>Älä toista samaa asemaa ja tapausta ennen:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Also mail when the case ends</source>
        <translation>Lähetä myös, kun tapaus päättyy</translation>
    </message>
    <message>
        <source>Auto-recovery: soft, then hard reset of a station Faulted for</source>
        <translation>Automaattinen palautus: pehmeä, sitten kova nollaus asemalle, joka on ollut Faulted-tilassa</translation>
    </message>
    <message>
        <source>Rule active</source>
        <translation>Sääntö käytössä</translation>
    </message>
    <message>
        <source>Someone else changed this rule meanwhile. Close this editor, and open the rule again to see their change.</source>
        <translation>Joku muu muutti tätä sääntöä sillä välin. Sulje editori ja avaa sääntö uudelleen nähdäksesi muutoksen.</translation>
    </message>
    <message>
        <source>No group (the whole site, unless stations are ticked)</source>
        <translation>Ei ryhmää (koko sivusto, ellei asemia ole valittu)</translation>
    </message>
    <message>
        <source>No group (only the stations ticked below)</source>
        <translation>Ei ryhmää (vain alla valitut asemat)</translation>
    </message>
    <message>
        <source>Notification rule {name}</source>
        <translation>Ilmoitussääntö {name}</translation>
    </message>
    <message>
        <source>New notification rule</source>
        <translation>Uusi ilmoitussääntö</translation>
    </message>
    <message>
        <source>{name} (no e-mail address: not mailed)</source>
        <translation>{name} (ei sähköpostiosoitetta: ei lähetetä)</translation>
    </message>
    <message>
        <source>Could not save the rule</source>
        <translation>Sääntöä ei voitu tallentaa</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Ilmoitukset</translation>
    </message>
    <message>
        <source>Mails to people when a charger fails: per charging group or chosen stations, which cases, who is told, and optional auto-recovery. Times are in the site&apos;s time zone.</source>
        <translation>Sähköpostit ihmisille, kun laturi vikaantuu: latausryhmittäin tai valituille asemille, mitkä tapaukset, kenelle kerrotaan ja valinnainen automaattinen palautus. Ajat ovat sivuston aikavyöhykkeellä.</translation>
    </message>
    <message>
        <source>Add rule…</source>
        <translation>Lisää sääntö…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Mail log</source>
        <translation>Sähköpostiloki</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Päivitä</translation>
    </message>
    <message>
        <source>No notification mails yet.</source>
        <translation>Ei vielä ilmoitusviestejä.</translation>
    </message>
    <message>
        <source>No notification rules: nobody is mailed when a charger fails. Add a rule.</source>
        <translation>Ei ilmoitussääntöjä: kenellekään ei lähetetä viestiä, kun laturi vikaantuu. Lisää sääntö.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} tallennettu.</translation>
    </message>
    <message>
        <source>Delete notification rule</source>
        <translation>Poista ilmoitussääntö</translation>
    </message>
    <message>
        <source>Delete the notification rule {name}?</source>
        <translation>Poistetaanko ilmoitussääntö {name}?</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Poista sääntö</translation>
    </message>
    <message>
        <source>Its recipients are no longer mailed about these stations.</source>
        <translation>Sen vastaanottajille ei enää lähetetä viestejä näistä asemista.</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} poistettu.</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Invite operator</source>
        <translation>Kutsu operaattori</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>Sähköpostiosoite:</translation>
    </message>
    <message>
        <source>Confirm e-mail:</source>
        <translation>Vahvista sähköposti:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Käyttäjätunnus:</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Etunimi:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Sukunimi:</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Oikeudet:</translation>
    </message>
    <message>
        <source>Base group:</source>
        <translation>Perusryhmä:</translation>
    </message>
    <message>
        <source>The operator sees and manages this group, its subgroups and their stations.</source>
        <translation>Operaattori näkee ja hallinnoi tätä ryhmää, sen aliryhmiä ja niiden asemia.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Send invitation</source>
        <translation>Lähetä kutsu</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <source>Operators</source>
        <translation>Operaattorit</translation>
    </message>
    <message>
        <source>Search username, name or e-mail</source>
        <translation>Hae käyttäjätunnuksella, nimellä tai sähköpostilla</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>Kutsu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Resend invitation</source>
        <translation>Lähetä kutsu uudelleen</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Nollaa salasana</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Poista käytöstä</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
</context>
<context>
    <name>OutcomesModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ParamEditors</name>
    <message>
        <source>not set</source>
        <translation>ei asetettu</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} on pakollinen.</translation>
    </message>
    <message>
        <source>Send this field</source>
        <translation>Lähetä tämä kenttä</translation>
    </message>
    <message>
        <source>Any connector (the station chooses)</source>
        <translation>Mikä tahansa liitin (asema valitsee)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Mikä tahansa</translation>
    </message>
    <message>
        <source>0 – whole station</source>
        <translation>0 – koko asema</translation>
    </message>
    <message>
        <source>Connector {id}</source>
        <translation>Liitin {id}</translation>
    </message>
    <message>
        <source>{label}: enter a number, e.g. 12.5.</source>
        <translation>{label}: anna luku, esim. 12.5.</translation>
    </message>
    <message>
        <source>As the tariff groups decide</source>
        <translation>Hinnastoryhmien mukaan</translation>
    </message>
    <message>
        <source>Free (no charge)</source>
        <translation>Maksuton (ei veloitusta)</translation>
    </message>
    <message>
        <source>Every connector is charging: stop the session first, then release the cable.</source>
        <translation>Kaikissa liittimissä on lataus käynnissä: lopeta lataus ensin ja vapauta sitten kaapeli.</translation>
    </message>
    <message>
        <source>Every connector is charging</source>
        <translation>Kaikissa liittimissä on lataus käynnissä</translation>
    </message>
    <message>
        <source>Type a token id or a user&apos;s name, or any id tag</source>
        <translation>Tunnisteen id, käyttäjän nimi tai muu tunniste</translation>
    </message>
    <message>
        <source>No session is running at this station</source>
        <translation>Asemalla ei ole käynnissä olevaa latausta</translation>
    </message>
    <message>
        <source>No session is running at this station, so there is nothing to stop.</source>
        <translation>Asemalla ei ole käynnissä olevaa latausta, joten lopetettavaa ei ole.</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <source>{count} user</source>
        <translation>{count} käyttäjä</translation>
    </message>
    <message>
        <source>{count} users</source>
        <translation>{count} käyttäjää</translation>
    </message>
    <message>
        <source>{count} charging user</source>
        <translation>{count} latauskäyttäjä</translation>
    </message>
    <message>
        <source>{count} charging users</source>
        <translation>{count} latauskäyttäjää</translation>
    </message>
    <message>
        <source>{count} user group</source>
        <translation>{count} käyttäjäryhmä</translation>
    </message>
    <message>
        <source>{count} user groups</source>
        <translation>{count} käyttäjäryhmää</translation>
    </message>
    <message>
        <source>{count} token</source>
        <translation>{count} tunniste</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} tunnistetta</translation>
    </message>
    <message>
        <source>{count} charging group</source>
        <translation>{count} latausryhmä</translation>
    </message>
    <message>
        <source>{count} charging groups</source>
        <translation>{count} latausryhmää</translation>
    </message>
    <message>
        <source>{count} station</source>
        <translation>{count} asema</translation>
    </message>
    <message>
        <source>{count} stations</source>
        <translation>{count} asemaa</translation>
    </message>
    <message>
        <source>{count} access profile</source>
        <translation>{count} pääsyprofiili</translation>
    </message>
    <message>
        <source>{count} access profiles</source>
        <translation>{count} pääsyprofiilia</translation>
    </message>
    <message>
        <source>{count} location</source>
        <translation>{count} sijainti</translation>
    </message>
    <message>
        <source>{count} locations</source>
        <translation>{count} sijaintia</translation>
    </message>
    <message>
        <source>{count} notification rule</source>
        <translation>{count} ilmoitussääntö</translation>
    </message>
    <message>
        <source>{count} notification rules</source>
        <translation>{count} ilmoitussääntöä</translation>
    </message>
    <message>
        <source>{count} mail shown</source>
        <translation>{count} viesti näytetään</translation>
    </message>
    <message>
        <source>{count} mails shown</source>
        <translation>{count} viestiä näytetään</translation>
    </message>
    <message>
        <source>{count} hour</source>
        <translation>{count} tunti</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} tuntia</translation>
    </message>
    <message>
        <source>{count} day</source>
        <translation>{count} päivä</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} päivää</translation>
    </message>
    <message>
        <source>{count} week</source>
        <translation>{count} viikko</translation>
    </message>
    <message>
        <source>{count} weeks</source>
        <translation>{count} viikkoa</translation>
    </message>
    <message>
        <source>{count} month</source>
        <translation>{count} kuukausi</translation>
    </message>
    <message>
        <source>{count} months</source>
        <translation>{count} kuukautta</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Maksuton</translation>
    </message>
    <message>
        <source>Flat price per session</source>
        <translation>Kiinteä hinta lataustapahtumalta</translation>
    </message>
    <message>
        <source>Energy + duration + connection fee</source>
        <translation>Energia + kesto + aloitusmaksu</translation>
    </message>
    <message>
        <source>Day / night prices</source>
        <translation>Päivä- ja yöhinnat</translation>
    </message>
    <message>
        <source>Power levels (price per minute by average kW)</source>
        <translation>Tehotasot (minuuttihinta keskitehon mukaan)</translation>
    </message>
    <message>
        <source>AC and DC prices</source>
        <translation>AC- ja DC-hinnat</translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation>Koko lataustapahtuma</translation>
    </message>
    <message>
        <source>Time actively charging</source>
        <translation>Aktiivinen latausaika</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Kiinteä</translation>
    </message>
    <message>
        <source>Energy + time</source>
        <translation>Energia + aika</translation>
    </message>
    <message>
        <source>Day / night</source>
        <translation>Päivä / yö</translation>
    </message>
    <message>
        <source>Power levels</source>
        <translation>Tehotasot</translation>
    </message>
    <message>
        <source>AC / DC</source>
        <translation>AC / DC</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Lataustapahtumat</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energia</translation>
    </message>
    <message>
        <source>Plugged time (duration)</source>
        <translation>Kytkettynä (kesto)</translation>
    </message>
    <message>
        <source>Charging time</source>
        <translation>Latausaika</translation>
    </message>
    <message>
        <source>Parked time</source>
        <translation>Pysäköintiaika</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Tulot</translation>
    </message>
    <message>
        <source>Unique charging users</source>
        <translation>Eri latauskäyttäjät</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Käyttöaste</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Virheaste</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Käytettävyys</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Eilen</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Viimeiset 30 päivää</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Tämä viikko</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Viime viikko</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tämä kuukausi</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Viime kuukausi</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Tämä vuosi</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Viime vuosi</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Mukautettu</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Ei vertailua</translation>
    </message>
    <message>
        <source>Preceding period</source>
        <translation>Edellinen jakso</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>Sama jakso viime vuonna</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Tunti</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Viikko</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Kuukausi</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ei mitään</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Asema</translation>
    </message>
    <message>
        <source>Charging group</source>
        <translation>Latausryhmä</translation>
    </message>
    <message>
        <source>Charging user</source>
        <translation>Latauskäyttäjä</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Käyttäjäryhmä</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Hinnasto</translation>
    </message>
    <message>
        <source>Charging point</source>
        <translation>Latauspiste</translation>
    </message>
    <message>
        <source>Change station limit</source>
        <translation>Aseman virtarajan muutos</translation>
    </message>
    <message>
        <source>Change group limit</source>
        <translation>Ryhmän virtarajan muutos</translation>
    </message>
    <message>
        <source>User activation</source>
        <translation>Käyttäjän aktivointi</translation>
    </message>
    <message>
        <source>Activate group</source>
        <translation>Ryhmän aktivointi</translation>
    </message>
    <message>
        <source>Firmware update</source>
        <translation>Laiteohjelmistopäivitys</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Nollaus</translation>
    </message>
    <message>
        <source>Change availability</source>
        <translation>Käytettävyyden muutos</translation>
    </message>
    <message>
        <source>Remote command</source>
        <translation>Etäkomento</translation>
    </message>
    <message>
        <source>Invoice run</source>
        <translation>Laskutusajo</translation>
    </message>
    <message>
        <source>Report by e-mail</source>
        <translation>Raportti sähköpostilla</translation>
    </message>
    <message>
        <source>Circuit limit</source>
        <translation>Piirin virtaraja</translation>
    </message>
    <message>
        <source>Case began</source>
        <translation>Tapaus alkoi</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Ratkaistu</translation>
    </message>
    <message>
        <source>Auto-recovery</source>
        <translation>Automaattinen palautus</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Ei käytettävissä</translation>
    </message>
    <message>
        <source>Fuse tripped</source>
        <translation>Sulake lauennut</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>Anturivika</translation>
    </message>
    <message>
        <source>Other fault</source>
        <translation>Muu vika</translation>
    </message>
    <message>
        <source>Session failed to start</source>
        <translation>Lataus ei käynnistynyt</translation>
    </message>
    <message>
        <source>Load limit not applied</source>
        <translation>Kuormarajaa ei otettu käyttöön</translation>
    </message>
    <message>
        <source>Waiting for the station</source>
        <translation>Odottaa asemaa</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Ladataan</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Ladattu</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Asennetaan</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Asennettu</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>Lataus epäonnistui</translation>
    </message>
    <message>
        <source>Installation failed</source>
        <translation>Asennus epäonnistui</translation>
    </message>
    <message>
        <source>Refused by the station</source>
        <translation>Asema kieltäytyi</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Ei yhteydessä</translation>
    </message>
    <message>
        <source>Command failed</source>
        <translation>Komento epäonnistui</translation>
    </message>
    <message>
        <source>No result in time</source>
        <translation>Ei tulosta ajoissa</translation>
    </message>
    <message>
        <source>Replaced by a newer roll-out</source>
        <translation>Korvattu uudemmalla jakelulla</translation>
    </message>
    <message>
        <source>Waiting for the file</source>
        <translation>Odottaa tiedostoa</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Lähetetään</translation>
    </message>
    <message>
        <source>Station says uploaded</source>
        <translation>Aseman mukaan lähetetty</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Lähetys epäonnistui</translation>
    </message>
    <message>
        <source>No file in time</source>
        <translation>Tiedostoa ei tullut ajoissa</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>Tiedosto liian suuri</translation>
    </message>
    <message>
        <source>Station has no diagnostics</source>
        <translation>Asemalla ei ole diagnostiikkaa</translation>
    </message>
    <message>
        <source>Accepted by the station</source>
        <translation>Asema hyväksyi</translation>
    </message>
    <message>
        <source>Rejected by the station</source>
        <translation>Asema hylkäsi</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Ei vastausta ajoissa</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Epäonnistunut</translation>
    </message>
    <message>
        <source>Station not connected</source>
        <translation>Asema ei ole yhteydessä</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>Muuta asetusta</translation>
    </message>
    <message>
        <source>Get configuration</source>
        <translation>Lue asetukset</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Tyhjennä välimuisti</translation>
    </message>
    <message>
        <source>Unlock connector</source>
        <translation>Vapauta liitin</translation>
    </message>
    <message>
        <source>Trigger message</source>
        <translation>Pyydä viesti</translation>
    </message>
    <message>
        <source>Data transfer</source>
        <translation>Tiedonsiirto</translation>
    </message>
    <message>
        <source>Set charging profile</source>
        <translation>Aseta latausprofiili</translation>
    </message>
    <message>
        <source>Clear charging profile</source>
        <translation>Poista latausprofiili</translation>
    </message>
    <message>
        <source>Get local list version</source>
        <translation>Kysy paikallisen listan versio</translation>
    </message>
    <message>
        <source>Get diagnostics</source>
        <translation>Hae diagnostiikka</translation>
    </message>
    <message>
        <source>Update firmware</source>
        <translation>Päivitä laiteohjelmisto</translation>
    </message>
    <message>
        <source>Writing the CSV file…</source>
        <translation>Kirjoitetaan CSV-tiedostoa…</translation>
    </message>
    <message>
        <source>Laying out the PDF…</source>
        <translation>Taitetaan PDF:ää…</translation>
    </message>
    <message>
        <source>{installed} installed, {failed} failed, {waiting} waiting</source>
        <translation>{installed} asennettu, {failed} epäonnistui, {waiting} odottaa</translation>
    </message>
    <message>
        <source>Compared: {period}</source>
        <translation>Vertailu: {period}</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Joka päivä</translation>
    </message>
    <message>
        <source>{days}, all day</source>
        <translation>{days}, koko päivän</translation>
    </message>
    <message>
        <source>{price} per session</source>
        <translation>{price} per lataus</translation>
    </message>
    <message>
        <source>{price}/min up to {kw} kW</source>
        <translation>{price}/min enintään {kw} kW</translation>
    </message>
    <message>
        <source>day (from {time}) {prices}</source>
        <translation>päivä (klo {time} alkaen) {prices}</translation>
    </message>
    <message>
        <source>night (from {time}) {prices}</source>
        <translation>yö (klo {time} alkaen) {prices}</translation>
    </message>
    <message>
        <source>{fee} connection</source>
        <translation>{fee} aloitusmaksu</translation>
    </message>
    <message>
        <source>{current} {fee}/min from minute {minute}</source>
        <translation>{current} {fee}/min minuutista {minute} alkaen</translation>
    </message>
    <message>
        <source>{fee}/min from minute {minute}</source>
        <translation>{fee}/min minuutista {minute} alkaen</translation>
    </message>
    <message>
        <source>{fee}/h parking</source>
        <translation>{fee}/h pysäköinti</translation>
    </message>
    <message>
        <source>0 (nothing charged)</source>
        <translation>0 (ei veloitusta)</translation>
    </message>
    <message>
        <source>at {time} ({zone})</source>
        <translation>klo {time} ({zone})</translation>
    </message>
    <message>
        <source>Once on {date} {at}</source>
        <translation>Kerran {date} {at}</translation>
    </message>
    <message>
        <source>Daily {at}</source>
        <translation>Päivittäin {at}</translation>
    </message>
    <message>
        <source>no day</source>
        <translation>ei päivää</translation>
    </message>
    <message>
        <source>Weekly on {days} {at}</source>
        <translation>Viikoittain {days} {at}</translation>
    </message>
    <message>
        <source>Monthly on the last day {at}</source>
        <translation>Kuukausittain viimeisenä päivänä {at}</translation>
    </message>
    <message>
        <source>Monthly on day {day} (or the month&apos;s last day) {at}</source>
        <translation>Kuukausittain päivänä {day} (tai kuukauden viimeisenä) {at}</translation>
    </message>
    <message>
        <source>Monthly on day {day} {at}</source>
        <translation>Kuukausittain päivänä {day} {at}</translation>
    </message>
    <message>
        <source>{schedule} until {date}</source>
        <translation>{schedule} {date} asti</translation>
    </message>
    <message>
        <source>max {amps} A</source>
        <translation>enintään {amps} A</translation>
    </message>
    <message>
        <source>{kind} reset</source>
        <translation>{kind}-nollaus</translation>
    </message>
    <message>
        <source>station</source>
        <translation>asema</translation>
    </message>
    <message>
        <source>connector {id}</source>
        <translation>liitin {id}</translation>
    </message>
    <message>
        <source>previews and send</source>
        <translation>esikatselut ja lähetys</translation>
    </message>
    <message>
        <source>previews only</source>
        <translation>vain esikatselut</translation>
    </message>
    <message>
        <source>{formats} to {recipients}</source>
        <translation>{formats} osoitteisiin {recipients}</translation>
    </message>
    <message>
        <source>circuit max {amps} A per phase</source>
        <translation>piiri enintään {amps} A vaihetta kohden</translation>
    </message>
</context>
<context>
    <name>RegisterTagDialog</name>
    <message>
        <source>Register this tag</source>
        <translation>Rekisteröi tämä tunniste</translation>
    </message>
    <message>
        <source>Token id:</source>
        <translation>Tunnisteen id:</translation>
    </message>
    <message>
        <source>Strip the vendor suffix</source>
        <translation>Poista valmistajan pääte</translation>
    </message>
    <message>
        <source>Token name:</source>
        <translation>Tunnisteen nimi:</translation>
    </message>
    <message>
        <source>optional, e.g. Blue key fob</source>
        <translation>valinnainen, esim. Sininen avaimenperä</translation>
    </message>
    <message>
        <source>Add to an existing user</source>
        <translation>Lisää olemassa olevalle käyttäjälle</translation>
    </message>
    <message>
        <source>Create a new user</source>
        <translation>Luo uusi käyttäjä</translation>
    </message>
    <message>
        <source>Existing charging user</source>
        <translation>Olemassa oleva latauskäyttäjä</translation>
    </message>
    <message>
        <source>Search name, e-mail or token id</source>
        <translation>Hae nimellä, sähköpostilla tai tunnisteen id:llä</translation>
    </message>
    <message>
        <source>New charging user</source>
        <translation>Uusi latauskäyttäjä</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Etunimi:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Sukunimi:</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>Sähköpostiosoite:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valinnainen</translation>
    </message>
    <message>
        <source>User group:</source>
        <translation>Käyttäjäryhmä:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Rekisteröi</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Period</source>
        <translation>Kausi</translation>
    </message>
    <message>
        <source>Compared ({period})</source>
        <translation>Vertailu ({period})</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Yhteensä</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Raportit</translation>
    </message>
    <message>
        <source>Saved reports</source>
        <translation>Tallennetut raportit</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Raportti</translation>
    </message>
    <message>
        <source>&amp;Metric</source>
        <translation>&amp;Mittari</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Kausi</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Alkaen</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Asti</translation>
    </message>
    <message>
        <source>&amp;Compare to</source>
        <translation>&amp;Vertaa</translation>
    </message>
    <message>
        <source>&amp;Grain</source>
        <translation>&amp;Tarkkuus</translation>
    </message>
    <message>
        <source>&amp;Breakdown</source>
        <translation>&amp;Erittely</translation>
    </message>
    <message>
        <source>Charging &amp;group</source>
        <translation>Lataus&amp;ryhmä</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>A&amp;sema</translation>
    </message>
    <message>
        <source>&amp;User group</source>
        <translation>&amp;Käyttäjäryhmä</translation>
    </message>
    <message>
        <source>Charging us&amp;er</source>
        <translation>Latauskäytt&amp;äjä</translation>
    </message>
    <message>
        <source>&amp;Tariff</source>
        <translation>&amp;Hinnasto</translation>
    </message>
    <message>
        <source>Connector t&amp;ype</source>
        <translation>Liitin&amp;tyyppi</translation>
    </message>
    <message>
        <source>AC / &amp;DC</source>
        <translation>AC / &amp;DC</translation>
    </message>
    <message>
        <source>Show data</source>
        <translation>Näytä tiedot</translation>
    </message>
    <message>
        <source>Share new reports with the site</source>
        <translation>Jaa uudet raportit sivustolle</translation>
    </message>
    <message>
        <source>Save as new…</source>
        <translation>Tallenna uutena…</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Tallenna muutokset</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Vie PDF…</translation>
    </message>
    <message>
        <source>Choose a report and press Show data.</source>
        <translation>Valitse raportti ja paina Näytä tiedot.</translation>
    </message>
    <message>
        <source>AC and DC</source>
        <translation>AC ja DC</translation>
    </message>
    <message>
        <source>All connector types</source>
        <translation>Kaikki liitintyypit</translation>
    </message>
    <message>
        <source>All groups you see</source>
        <translation>Kaikki näkemäsi ryhmät</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>Kaikki asemat</translation>
    </message>
    <message>
        <source>All tariffs</source>
        <translation>Kaikki hinnastot</translation>
    </message>
    <message>
        <source>All user groups</source>
        <translation>Kaikki käyttäjäryhmät</translation>
    </message>
    <message>
        <source>All charging users</source>
        <translation>Kaikki latauskäyttäjät</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>Lasketaan lukuja…</translation>
    </message>
    <message>
        <source>The report could not be made: {error}</source>
        <translation>Raporttia ei voitu tehdä: {error}</translation>
    </message>
    <message>
        <source>{buckets}, made {time}.</source>
        <translation>{buckets}, laskettu {time}.</translation>
    </message>
    <message>
        <source>No buckets.</source>
        <translation>Ei jaksoja.</translation>
    </message>
    <message>
        <source>The table shows the largest {shown} of {count}; the CSV has them all.</source>
        <translation>Taulukossa näkyy {count}:sta suurimmat {shown}; CSV-tiedostossa ovat kaikki.</translation>
    </message>
    <message>
        <source>(none saved yet)</source>
        <translation>(ei vielä tallennettuja)</translation>
    </message>
    <message>
        <source>{name} (shared)</source>
        <translation>{name} (jaettu)</translation>
    </message>
    <message>
        <source>Reports — {name}</source>
        <translation>Raportit — {name}</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Tallenna raportti</translation>
    </message>
    <message>
        <source>Name of the report:</source>
        <translation>Raportin nimi:</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <source>Saved “{name}” for everyone on the site.</source>
        <translation>“{name}” tallennettu kaikille sivuston käyttäjille.</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>“{name}” tallennettu.</translation>
    </message>
    <message>
        <source>Delete saved report</source>
        <translation>Poista tallennettu raportti</translation>
    </message>
    <message>
        <source>Delete the saved report “{name}”? The figures stay; only its definition goes.</source>
        <translation>Poistetaanko tallennettu raportti “{name}”? Luvut säilyvät; vain raportin määritys poistuu.</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>“{name}” poistettu.</translation>
    </message>
    <message>
        <source>Export {kind}</source>
        <translation>Vie {kind}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting {kind}…</source>
        <translation>Viedään {kind}…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} tallennettu.</translation>
    </message>
</context>
<context>
    <name>RepriceDialog</name>
    <message>
        <source>Re-price the session</source>
        <translation>Hinnoittele tapahtuma uudelleen</translation>
    </message>
    <message>
        <source>Prices:</source>
        <translation>Hinnat:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Miksi:</translation>
    </message>
    <message>
        <source>Goes into the action log with the old and new amount</source>
        <translation>Tallennetaan toimintolokiin vanhan ja uuden summan kanssa</translation>
    </message>
</context>
<context>
    <name>RotatePasswordButton</name>
    <message>
        <source>Rotate password</source>
        <translation>Vaihda salasana</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name} (ei käytössä)</translation>
    </message>
    <message>
        <source>the whole site</source>
        <translation>koko sivusto</translation>
    </message>
    <message>
        <source>group {name} and its subgroups</source>
        <translation>ryhmä {name} aliryhmineen</translation>
    </message>
    <message>
        <source>a removed operator</source>
        <translation>poistettu operaattori</translation>
    </message>
    <message>
        <source>after {seconds} s; not again within {minutes} min</source>
        <translation>{seconds} s jälkeen; ei uudelleen {minutes} min sisällä</translation>
    </message>
    <message>
        <source>; mail when resolved</source>
        <translation>; viesti, kun ratkaistu</translation>
    </message>
    <message>
        <source>after {minutes} min Faulted</source>
        <translation>{minutes} min Faulted-tilan jälkeen</translation>
    </message>
    <message>
        <source>off</source>
        <translation>pois</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Running…</source>
        <translation>Käynnissä…</translation>
    </message>
    <message>
        <source>↻ Retry</source>
        <translation>↻ Yritä uudelleen</translation>
    </message>
    <message>
        <source>Retry the failed stations of this run</source>
        <translation>Yritä uudelleen tämän ajon epäonnistuneita asemia</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>Ei uudelleenyritettävää</translation>
    </message>
</context>
<context>
    <name>SaveFailure</name>
    <message>
        <source>Could not save</source>
        <translation>Tallennus ei onnistunut</translation>
    </message>
    <message>
        <source>{failed} ({error}). Try again.</source>
        <translation>{failed} ({error}). Yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>ScheduledTaskDialog</name>
    <message>
        <source>Add scheduled task</source>
        <translation>Lisää ajastettu tehtävä</translation>
    </message>
    <message>
        <source>Task name</source>
        <translation>Tehtävän nimi</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Tehtävän tyyppi</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametrit</translation>
    </message>
    <message>
        <source>Max current</source>
        <translation>Enimmäisvirta</translation>
    </message>
    <message>
        <source> A</source>
        <translation> A</translation>
    </message>
    <message>
        <source>Current-limit key</source>
        <translation>Virtarajan avain</translation>
    </message>
    <message>
        <source>chargers without smart charging, e.g. MaxCurrent</source>
        <translation>laturit ilman älykästä latausta, esim. MaxCurrent</translation>
    </message>
    <message>
        <source>Set to</source>
        <translation>Aseta tilaan</translation>
    </message>
    <message>
        <source>Firmware location</source>
        <translation>Laiteohjelmiston sijainti</translation>
    </message>
    <message>
        <source>https://… or ftp://…</source>
        <translation>https://… tai ftp://…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Nollaus</translation>
    </message>
    <message>
        <source>Connector (0 = station)</source>
        <translation>Liitin (0 = asema)</translation>
    </message>
    <message>
        <source>Remote command</source>
        <translation>Etäkomento</translation>
    </message>
    <message>
        <source>one per line: name = value</source>
        <translation>yksi riviä kohden: nimi = arvo</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Laskut</translation>
    </message>
    <message>
        <source>Period: the invoice settings&apos; default period on the run date. Recipients: the charging user groups ticked under Targets, or every charging user with an e-mail address when none is ticked. Previews stay on the Invoices page.</source>
        <translation>Jakso: laskuasetusten oletusjakso ajopäivänä. Vastaanottajat: Kohteet-kohdassa valitut latauskäyttäjäryhmät tai, jos mitään ei ole valittu, kaikki latauskäyttäjät, joilla on sähköpostiosoite. Esikatselut jäävät Laskut-sivulle.</translation>
    </message>
    <message>
        <source>Saved report</source>
        <translation>Tallennettu raportti</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tiedostot</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Lähetä osoitteisiin</translation>
    </message>
    <message>
        <source>name@example.com, other@example.com</source>
        <translation>nimi@example.com, toinen@example.com</translation>
    </message>
    <message>
        <source>The report runs for its own period (such as last month) counted from the run date, and is mailed to each address with the files attached.</source>
        <translation>Raportti ajetaan omalle jaksolleen (esimerkiksi edellinen kuukausi) ajopäivästä laskien, ja se lähetetään jokaiseen osoitteeseen tiedostot liitteinä.</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Virtapiiri</translation>
    </message>
    <message>
        <source>Max current per phase</source>
        <translation>Suurin virta vaihetta kohden</translation>
    </message>
    <message>
        <source>The circuit&apos;s limit is set at the task time and stays until changed again (for example a night limit task and a day limit task).</source>
        <translation>Virtapiirin raja asetetaan tehtävän aikaan ja pysyy, kunnes sitä muutetaan uudelleen (esimerkiksi yörajan ja päivärajan tehtävät).</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Aikataulu</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Aika (paikallinen)</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>Days of week</source>
        <translation>Viikonpäivät</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Ma</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Ti</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Ke</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Pe</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>La</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Su</translation>
    </message>
    <message>
        <source>Day of month</source>
        <translation>Kuukauden päivä</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Päättymispäivä</translation>
    </message>
    <message>
        <source>until</source>
        <translation>asti</translation>
    </message>
    <message>
        <source>Offline stations</source>
        <translation>Offline-asemat</translation>
    </message>
    <message>
        <source>wait up to</source>
        <translation>odota enintään</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiivinen</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Kohteet</translation>
    </message>
    <message>
        <source>Tick stations one by one, or a charging group for all its stations (subgroups too, as they are at run time).</source>
        <translation>Valitse asemat yksitellen tai latausryhmä kaikille sen asemille (myös aliryhmät, sellaisina kuin ne ovat ajohetkellä).</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Asemat</translation>
    </message>
    <message>
        <source>Search charging users</source>
        <translation>Hae latauskäyttäjiä</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Kerran</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Päivittäin</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Viikoittain</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Kuukausittain</translation>
    </message>
    <message>
        <source>{day} (or the month&apos;s last day)</source>
        <translation>{day} (tai kuukauden viimeinen päivä)</translation>
    </message>
    <message>
        <source>Last day of the month</source>
        <translation>Kuukauden viimeinen päivä</translation>
    </message>
    <message>
        <source>Chargers with smart charging get a charging profile (ChargePointMaxProfile). A charger without it gets this configuration key set to the current instead; leave it empty and such chargers fail with the reason.</source>
        <translation>Älylatausta tukevat laturit saavat latausprofiilin (ChargePointMaxProfile). Laturille, jolla sitä ei ole, asetetaan sen sijaan tämä asetusavain virran arvoon; jos kenttä on tyhjä, tällaiset laturit epäonnistuvat syineen.</translation>
    </message>
    <message>
        <source>A station that is offline when the task runs is waited for up to this long, then it fails as offline. 0: it fails at once.</source>
        <translation>Jos asema ei ole yhteydessä tehtävän ajon aikana, sitä odotetaan enintään näin kauan, minkä jälkeen se epäonnistuu. 0: epäonnistuu heti.</translation>
    </message>
    <message>
        <source>A ticked group: all its stations and subgroups&apos; stations, as they are at run time.</source>
        <translation>Valittu ryhmä: kaikki sen ja sen aliryhmien asemat sellaisina kuin ne ovat ajohetkellä.</translation>
    </message>
    <message>
        <source>Stations without a group</source>
        <translation>Asemat ilman ryhmää</translation>
    </message>
    <message>
        <source>Edit scheduled task {name}</source>
        <translation>Muokkaa ajastettua tehtävää {name}</translation>
    </message>
    <message>
        <source>Parameters: {names}</source>
        <translation>Parametrit: {names}</translation>
    </message>
    <message>
        <source>{name} (optional)</source>
        <translation>{name} (valinnainen)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ei mitään</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>Times are local to {zone}. Now: {now}</source>
        <translation>Ajat ovat aikavyöhykkeellä {zone}. Nyt: {now}</translation>
    </message>
    <message>
        <source>{schedule}. Next run: {when}.</source>
        <translation>{schedule}. Seuraava ajo: {when}.</translation>
    </message>
    <message>
        <source>{count} group(s)</source>
        <translation>{count} ryhmä(ä)</translation>
    </message>
    <message>
        <source>{count} station(s)</source>
        <translation>{count} asema(a)</translation>
    </message>
    <message>
        <source>{count} user(s)</source>
        <translation>{count} käyttäjä(ä)</translation>
    </message>
    <message>
        <source>{count} user group(s)</source>
        <translation>{count} käyttäjäryhmä(ä)</translation>
    </message>
    <message>
        <source>Chosen: {targets}</source>
        <translation>Valittu: {targets}</translation>
    </message>
    <message>
        <source>Chosen: nothing yet</source>
        <translation>Valittu: ei vielä mitään</translation>
    </message>
    <message>
        <source>Someone else changed this task since you opened it. Close this window and edit again.</source>
        <translation>Joku muu muutti tätä tehtävää sen jälkeen, kun avasit sen. Sulje ikkuna ja muokkaa uudelleen.</translation>
    </message>
</context>
<context>
    <name>ScheduledTasksPage</name>
    <message>
        <source>Scheduled tasks</source>
        <translation>Ajastetut tehtävät</translation>
    </message>
    <message>
        <source>Tasks the site runs by itself: current limits, charging users and user groups made active or inactive, firmware updates, resets and any remote command. Times are the site&apos;s local time; every run shows in the Event feed with each station&apos;s outcome.</source>
        <translation>Tehtävät, jotka sivusto suorittaa itse: virtarajat, latauskäyttäjien ja käyttäjäryhmien aktivointi tai passivointi, laiteohjelmistopäivitykset, nollaukset ja mikä tahansa etäkomento. Ajat ovat sivuston paikallista aikaa; jokainen ajo näkyy tapahtumasyötteessä kunkin aseman tuloksineen.</translation>
    </message>
    <message>
        <source>Search for specific task</source>
        <translation>Hae tiettyä tehtävää</translation>
    </message>
    <message>
        <source>Add task…</source>
        <translation>Lisää tehtävä…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Copy task</source>
        <translation>Kopioi tehtävä</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivoi</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Poista käytöstä</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Suorita nyt</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Event feed</source>
        <translation>Tapahtumasyöte</translation>
    </message>
    <message>
        <source>Select a date:</source>
        <translation>Valitse päivä:</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Edellinen päivä</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Seuraava päivä</translation>
    </message>
    <message>
        <source>Search for tasks…</source>
        <translation>Hae tehtäviä…</translation>
    </message>
    <message>
        <source>Choose a run to see each station&apos;s outcome.</source>
        <translation>Valitse ajo nähdäksesi kunkin aseman tuloksen.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Päivitä</translation>
    </message>
    <message>
        <source>Select task type (all)</source>
        <translation>Valitse tehtävätyyppi (kaikki)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Epäonnistuneet</translation>
    </message>
    <message>
        <source>Now: {time}</source>
        <translation>Nyt: {time}</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} tallennettu.</translation>
    </message>
    <message>
        <source>Saved {name}. It is inactive: tick Active (Activate) when it should run.</source>
        <translation>{name} tallennettu. Se ei ole käytössä: valitse Aktiivinen (Aktivoi), kun sen pitää ajaa.</translation>
    </message>
    <message>
        <source>Copied as {name} (inactive): edit it, then activate it.</source>
        <translation>Kopioitu nimellä {name} (ei käytössä): muokkaa ja aktivoi se.</translation>
    </message>
    <message>
        <source>{name} is active now.</source>
        <translation>{name} on nyt käytössä.</translation>
    </message>
    <message>
        <source>{name} is inactive now.</source>
        <translation>{name} ei ole nyt käytössä.</translation>
    </message>
    <message>
        <source>{name} runs now; its result appears in the Event feed.</source>
        <translation>{name} ajetaan nyt; tulos näkyy tapahtumasyötteessä.</translation>
    </message>
    <message>
        <source>Delete scheduled task</source>
        <translation>Poista ajastettu tehtävä</translation>
    </message>
    <message>
        <source>Delete the scheduled task {name}?</source>
        <translation>Poistetaanko ajastettu tehtävä {name}?</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Poista tehtävä</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} poistettu.</translation>
    </message>
    <message>
        <source>Its past runs stay in the Event feed.</source>
        <translation>Sen aiemmat ajot säilyvät tapahtumasyötteessä.</translation>
    </message>
    <message>
        <source>{task}: {summary} ({ok} of {total} OK)</source>
        <translation>{task}: {summary} ({ok}/{total} OK)</translation>
    </message>
    <message>
        <source>Made {name} for the failed targets; it runs at {time}.</source>
        <translation>Tehtiin {name} epäonnistuneille kohteille; se ajetaan klo {time}.</translation>
    </message>
    <message>
        <source>Made {name}.</source>
        <translation>Tehtiin {name}.</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search stations, users, tokens, sessions, groups, locations…</source>
        <translation>Hae asemia, käyttäjiä, tunnisteita, lataustapahtumia, ryhmiä, sijainteja…</translation>
    </message>
    <message>
        <source>Type a name, an identity, an e-mail, a token id or a session number. ↑ ↓ choose, Enter opens, Esc closes.</source>
        <translation>Kirjoita nimi, tunniste, sähköpostiosoite, tunnisteen id tai lataustapahtuman numero. ↑&#xa0;↓ valitsee, Enter avaa, Esc sulkee.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Mitään ei löytynyt.</translation>
    </message>
    <message>
        <source>Type at least two characters.</source>
        <translation>Kirjoita vähintään kaksi merkkiä.</translation>
    </message>
</context>
<context>
    <name>ServiceParams</name>
    <message>
        <source>A report by e-mail has no targets: the saved report says what it covers, and the addresses under Parameters receive it.</source>
        <translation>Sähköpostiraportilla ei ole kohteita: tallennettu raportti määrää, mitä se kattaa, ja Parametrit-kohdan osoitteet saavat sen.</translation>
    </message>
    <message>
        <source>A circuit limit has no targets: the circuit chosen under Parameters is changed.</source>
        <translation>Piirin virtarajalla ei ole kohteita: Parametrit-kohdassa valittua piiriä muutetaan.</translation>
    </message>
    <message>
        <source>Tick the charging user groups to invoice, or none for every charging user with an e-mail address.</source>
        <translation>Valitse laskutettavat käyttäjäryhmät, tai ei yhtään, jolloin laskutetaan kaikki latauskäyttäjät, joilla on sähköpostiosoite.</translation>
    </message>
    <message>
        <source>Tick the charging user groups to make active or inactive.</source>
        <translation>Valitse käyttäjäryhmät, jotka otetaan käyttöön tai poistetaan käytöstä.</translation>
    </message>
    <message>
        <source>Make previews only</source>
        <translation>Tee vain esikatselut</translation>
    </message>
    <message>
        <source>Make previews and send them</source>
        <translation>Tee esikatselut ja lähetä ne</translation>
    </message>
    <message>
        <source>{name} (shared)</source>
        <translation>{name} (jaettu)</translation>
    </message>
    <message>
        <source>No saved reports: save one on the Reports page</source>
        <translation>Ei tallennettuja raportteja: tallenna raportti Raportit-sivulla</translation>
    </message>
    <message>
        <source>{name} (now {amps} A)</source>
        <translation>{name} (nyt {amps} A)</translation>
    </message>
    <message>
        <source>No circuits: add them on the Load management page</source>
        <translation>Ei virtapiirejä: lisää ne kuormanhallinnan sivulla</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Charging session</source>
        <translation>Lataustapahtuma</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Kuka:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Missä:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Milloin:</translation>
    </message>
    <message>
        <source>Energy:</source>
        <translation>Energia:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Hinta:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Aikajana</translation>
    </message>
    <message>
        <source>Double-click an entry (or press “Show OCPP frame…”) to read the message itself.</source>
        <translation>Kaksoisnapsauta merkintää (tai paina ”Näytä OCPP-kehys…”) lukeaksesi itse viestin.</translation>
    </message>
    <message>
        <source>Show OCPP frame…</source>
        <translation>Näytä OCPP-kehys…</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Hinta</translation>
    </message>
    <message>
        <source>Energy and power</source>
        <translation>Energia ja teho</translation>
    </message>
    <message>
        <source>End session…</source>
        <translation>Päätä tapahtuma…</translation>
    </message>
    <message>
        <source>Unlock connector…</source>
        <translation>Avaa liittimen lukitus…</translation>
    </message>
    <message>
        <source>Re-price…</source>
        <translation>Hinnoittele uudelleen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>running</source>
        <translation>käynnissä</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Lataustapahtumat</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation>Vain liputetut</translation>
    </message>
    <message>
        <source>Only sessions with plausibility flags (stop below start, suspicious time, late stop, …)</source>
        <translation>Vain tapahtumat, joilla on uskottavuusliput (lopetus alle aloituksen, epäilyttävä aika, myöhäinen lopetus, …)</translation>
    </message>
    <message>
        <source>Search station, id tag or user name</source>
        <translation>Hae asemalla, tunnisteella tai käyttäjän nimellä</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Tiedot…</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Viimeiset 30 päivää</translation>
    </message>
    <message>
        <source>Last 60 days</source>
        <translation>Viimeiset 60 päivää</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Oma aikaväli</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Koko ajalta</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>All charging groups</source>
        <translation>Kaikki latausryhmät</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>Kaikki asemat</translation>
    </message>
    <message>
        <source>All charging users</source>
        <translation>Kaikki latauskäyttäjät</translation>
    </message>
    <message>
        <source>All user groups</source>
        <translation>Kaikki käyttäjäryhmät</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>Kaikki tunnisteet</translation>
    </message>
    <message>
        <source>{count} session shown</source>
        <translation>{count} tapahtuma näytetään</translation>
    </message>
    <message>
        <source>{count} sessions shown</source>
        <translation>{count} tapahtumaa näytetään</translation>
    </message>
    <message>
        <source>Export charging sessions</source>
        <translation>Vie lataustapahtumat</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>Exporting charging sessions…</source>
        <translation>Viedään lataustapahtumia…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Vie CSV</translation>
    </message>
    <message>
        <source>Exported {done} of {total} sessions…</source>
        <translation>Viety {done}/{total} tapahtumaa…</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Vienti peruttu: tiedostoa ei kirjoitettu.</translation>
    </message>
    <message>
        <source>Exported {rows} sessions to {path}.</source>
        <translation>Viety {rows} tapahtumaa tiedostoon {path}.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Perutaan…</translation>
    </message>
    <message>
        <source>Failed: {error}. Try again.</source>
        <translation>Epäonnistui: {error}. Yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>SharedDatabasePage</name>
    <message>
        <source>Shared database</source>
        <translation>Jaettu tietokanta</translation>
    </message>
    <message>
        <source>Several seats of one site keep their own data and share it through a PostgreSQL database on the site&apos;s network. Each seat keeps working when that database cannot be reached, and catches up when it returns. These settings belong to this seat; the password is kept in this computer&apos;s keychain.</source>
        <translation>Saman kohteen useat työasemat pitävät omat tietonsa ja jakavat ne kohteen verkossa olevan PostgreSQL-tietokannan kautta. Kukin työasema toimii, vaikka tietokantaan ei saada yhteyttä, ja ottaa muutokset kiinni, kun yhteys palaa. Nämä asetukset koskevat tätä työasemaa; salasana säilytetään tämän tietokoneen avainnipussa.</translation>
    </message>
    <message>
        <source>Sync this seat with the shared database</source>
        <translation>Synkronoi tämä työasema jaettuun tietokantaan</translation>
    </message>
    <message>
        <source>Seat name:</source>
        <translation>Työaseman nimi:</translation>
    </message>
    <message>
        <source>e.g. Workshop — unique on the site</source>
        <translation>esim. Korjaamo — yksilöllinen kohteessa</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Palvelin:</translation>
    </message>
    <message>
        <source>the PostgreSQL server on the LAN, e.g. db.depot.lan</source>
        <translation>PostgreSQL-palvelin lähiverkossa, esim. db.depot.lan</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Portti:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Tietokanta:</translation>
    </message>
    <message>
        <source>evdesk</source>
        <translation>evdesk</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Käyttäjä:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Salasana:</translation>
    </message>
    <message>
        <source>leave empty to keep the stored one</source>
        <translation>jätä tyhjäksi, niin tallennettu säilyy</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-varmenne:</translation>
    </message>
    <message>
        <source>only for verify-full with the site&apos;s own CA; empty: this computer&apos;s CAs</source>
        <translation>vain verify-full-tilaan kohteen omalla CA:lla; tyhjä: tämän tietokoneen CA:t</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testaa yhteys</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Agree and join the site</source>
        <translation>Hyväksy ja liity kohteeseen</translation>
    </message>
    <message>
        <source>Conflicts: edits that lost to another seat&apos;s edit of the same record</source>
        <translation>Ristiriidat: muokkaukset, jotka hävisivät toisen työaseman saman tietueen muokkaukselle</translation>
    </message>
    <message>
        <source>When two seats changed the same record while they could not see each other, the higher version won (then the later change). The values that lost are listed here: re-enter them if they were the right ones.</source>
        <translation>Kun kaksi työasemaa muutti samaa tietuetta näkemättä toisiaan, suurempi versio voitti (sitten myöhempi muutos). Hävinneet arvot luetellaan tässä: syötä ne uudelleen, jos ne olivat oikeat.</translation>
    </message>
    <message>
        <source>Off (a trusted network only)</source>
        <translation>Pois (vain luotettu verkko)</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>Kun palvelin tarjoaa sitä</translation>
    </message>
    <message>
        <source>Always (the certificate is not checked)</source>
        <translation>Aina (varmennetta ei tarkisteta)</translation>
    </message>
    <message>
        <source>Always, and check the server&apos;s certificate and name</source>
        <translation>Aina, ja tarkista palvelimen varmenne ja nimi</translation>
    </message>
    <message>
        <source>Shared database: unreachable since {time} ({detail})</source>
        <translation>Jaettu tietokanta: ei tavoitettavissa {time} alkaen ({detail})</translation>
    </message>
    <message>
        <source>Shared database: connected</source>
        <translation>Jaettu tietokanta: yhdistetty</translation>
    </message>
    <message>
        <source>Shared database: connecting…</source>
        <translation>Jaettu tietokanta: yhdistetään…</translation>
    </message>
    <message>
        <source>Shared database: waiting for your consent. {detail}</source>
        <translation>Jaettu tietokanta: odottaa hyväksyntääsi. {detail}</translation>
    </message>
    <message>
        <source>Shared database: not used — {detail}</source>
        <translation>Jaettu tietokanta: ei käytössä — {detail}</translation>
    </message>
    <message>
        <source>Shared database: not used by this seat</source>
        <translation>Jaettu tietokanta: ei käytössä tällä työasemalla</translation>
    </message>
    <message>
        <source>Kept in this computer&apos;s keychain, never in a file or a database. Type a new one to replace the stored one.</source>
        <translation>Säilytetään tämän tietokoneen avainnipussa, ei koskaan tiedostossa tai tietokannassa. Kirjoita uusi korvataksesi tallennetun.</translation>
    </message>
    <message>
        <source>Use “Always, and check…” when the database is reached over a network you do not control.</source>
        <translation>Käytä valintaa ”Aina, ja tarkista…”, kun tietokantaan otetaan yhteys verkon kautta, jota et hallitse.</translation>
    </message>
    <message>
        <source>Trying to connect…</source>
        <translation>Yritetään yhdistää…</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Mitään ei tallennettu: korjaa punaisella merkityt kentät.</translation>
    </message>
    <message>
        <source>Saved. The seat connects now.</source>
        <translation>Tallennettu. Työasema yhdistää nyt.</translation>
    </message>
    <message>
        <source>Saved. This seat no longer syncs.</source>
        <translation>Tallennettu. Tämä työasema ei enää synkronoi.</translation>
    </message>
    <message>
        <source>Shared database settings saved.</source>
        <translation>Jaetun tietokannan asetukset tallennettu.</translation>
    </message>
</context>
<context>
    <name>SiteSettingsPage</name>
    <message>
        <source>Site settings</source>
        <translation>Sivuston asetukset</translation>
    </message>
    <message>
        <source>These settings are kept in the site&apos;s database. Saved changes apply immediately to the running OCPP server; no restart is needed.</source>
        <translation>Nämä asetukset säilytetään sivuston tietokannassa. Tallennetut muutokset tulevat heti voimaan käynnissä olevassa OCPP-palvelimessa; uudelleenkäynnistystä ei tarvita.</translation>
    </message>
    <message>
        <source>The site settings were changed by someone else. Reload them and try again.</source>
        <translation>Joku muu muutti sivuston asetuksia. Lataa ne uudelleen ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Lataa uudelleen</translation>
    </message>
    <message>
        <source>Discard your edits and show the settings as they are now</source>
        <translation>Hylkää muokkauksesi ja näytä asetukset sellaisina kuin ne nyt ovat</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sivusto</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>Sivuston nimi:</translation>
    </message>
    <message>
        <source>Shown in the window title, the log-in window and the e-mails evdesk sends operators.</source>
        <translation>Näytetään ikkunan otsikossa, kirjautumisikkunassa ja evdeskin operaattoreille lähettämissä sähköposteissa.</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Aikavyöhyke:</translation>
    </message>
    <message>
        <source>Every screen shows times in this zone and names it. A change applies to every screen at once.</source>
        <translation>Jokainen näkymä näyttää ajat tällä vyöhykkeellä ja nimeää sen. Muutos koskee kaikkia näkymiä heti.</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Valuutta:</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <source>Three-letter code (ISO 4217) of the site&apos;s currency, e.g. EUR.</source>
        <translation>Sivuston valuutan kolmikirjaiminen koodi (ISO 4217), esim. EUR.</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Asemat</translation>
    </message>
    <message>
        <source>Unknown stations:</source>
        <translation>Tuntemattomat asemat:</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Hylkää</translation>
    </message>
    <message>
        <source>Only stations added here may connect; others are turned away.</source>
        <translation>Vain tässä lisätyt asemat saavat yhdistää; muut käännytetään pois.</translation>
    </message>
    <message>
        <source>Hold as pending for adoption (recommended)</source>
        <translation>Pidä odottamassa hyväksyntää (suositus)</translation>
    </message>
    <message>
        <source>They may connect and are listed as pending; they cannot charge until an administrator adopts them.</source>
        <translation>Ne saavat yhdistää ja näkyvät odottavina; ne eivät voi ladata ennen kuin pääkäyttäjä hyväksyy ne.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Hyväksy</translation>
    </message>
    <message>
        <source>They are added and may charge at once. Use only on a closed network.</source>
        <translation>Ne lisätään ja voivat ladata heti. Käytä vain suljetussa verkossa.</translation>
    </message>
    <message>
        <source>Heartbeat interval:</source>
        <translation>Heartbeat-väli:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>For stations added from now on (each station keeps its own, in its settings).</source>
        <translation>Tästä eteenpäin lisätyille asemille (jokainen asema pitää omansa asetuksissaan).</translation>
    </message>
    <message>
        <source>Meter-value interval:</source>
        <translation>Mittausväli:</translation>
    </message>
    <message>
        <source>How often a new station reports meter readings while charging.</source>
        <translation>Kuinka usein uusi asema raportoi mittarilukemat latauksen aikana.</translation>
    </message>
    <message>
        <source>Temporarily unavailable after:</source>
        <translation>Tilapäisesti poissa käytöstä:</translation>
    </message>
    <message>
        <source>A station silent this long is shown as temporarily unavailable.</source>
        <translation>Näin kauan hiljaa ollut asema näytetään tilapäisesti poissa käytöstä.</translation>
    </message>
    <message>
        <source>Long-term unavailable after:</source>
        <translation>Pitkäaikaisesti poissa käytöstä:</translation>
    </message>
    <message>
        <source>A station silent this long is shown as long-term unavailable. Must be longer than the above.</source>
        <translation>Näin kauan hiljaa ollut asema näytetään pitkäaikaisesti poissa käytöstä. Oltava pidempi kuin yllä.</translation>
    </message>
    <message>
        <source>Command timeout:</source>
        <translation>Komennon aikakatkaisu:</translation>
    </message>
    <message>
        <source>How long to wait for a station to answer a command.</source>
        <translation>Kuinka kauan odotetaan aseman vastausta komentoon.</translation>
    </message>
    <message>
        <source>Remote start timeout:</source>
        <translation>Etäkäynnistyksen aikakatkaisu:</translation>
    </message>
    <message>
        <source>After a station accepts a remote start, how long a session may take to begin.</source>
        <translation>Kun asema hyväksyy etäkäynnistyksen, kuinka kauan tapahtuman alkaminen saa kestää.</translation>
    </message>
    <message>
        <source>Quiet time after boot:</source>
        <translation>Hiljainen aika käynnistyksen jälkeen:</translation>
    </message>
    <message>
        <source>No commands are sent this soon after a station boots (chargers are busy starting up).</source>
        <translation>Komentoja ei lähetetä näin pian aseman käynnistyksen jälkeen (laturit ovat kiireisiä käynnistyessään).</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Lataustapahtumat</translation>
    </message>
    <message>
        <source>Close inactive sessions after:</source>
        <translation>Sulje passiiviset tapahtumat:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A session with no sign of life from its station for this long is closed at its last real meter reading.</source>
        <translation>Tapahtuma, jonka asemasta ei ole kuulunut näin pitkään aikaan, suljetaan viimeiseen todelliseen mittarilukemaan.</translation>
    </message>
    <message>
        <source>Flag station times off by more than:</source>
        <translation>Liputa aseman ajat, jotka poikkeavat yli:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Session times further than this from this computer&apos;s clock are flagged as suspicious (a wrong station clock).</source>
        <translation>Tapahtuma-ajat, jotka poikkeavat tätä enemmän tämän tietokoneen kellosta, liputetaan epäilyttäviksi (väärä aseman kello).</translation>
    </message>
    <message>
        <source>Boot storm</source>
        <translation>Käynnistysryöppy</translation>
    </message>
    <message>
        <source>Accept at most:</source>
        <translation>Hyväksy enintään:</translation>
    </message>
    <message>
        <source> boots/s</source>
        <translation> käynnistystä/s</translation>
    </message>
    <message>
        <source>When more stations boot at once (e.g. after a power cut), the rest are told to retry later, each at its own time.</source>
        <translation>Kun useampi asema käynnistyy kerralla (esim. sähkökatkon jälkeen), muita pyydetään yrittämään myöhemmin, kutakin omaan aikaansa.</translation>
    </message>
    <message>
        <source>Retry after at least:</source>
        <translation>Yritä uudelleen aikaisintaan:</translation>
    </message>
    <message>
        <source>Retry after at most:</source>
        <translation>Yritä uudelleen viimeistään:</translation>
    </message>
    <message>
        <source>The wait given to a station that is told to retry. The maximum must not be below the minimum.</source>
        <translation>Odotus, joka annetaan asemalle, jota pyydetään yrittämään uudelleen. Enimmäisarvo ei saa olla alle vähimmäisarvon.</translation>
    </message>
    <message>
        <source>Communication log and messages</source>
        <translation>Viestiloki ja viestit</translation>
    </message>
    <message>
        <source>Keep messages for:</source>
        <translation>Säilytä viestit:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> päivää</translation>
    </message>
    <message>
        <source>Older messages are deleted from the communication log (checked every hour).</source>
        <translation>Vanhemmat viestit poistetaan viestilokista (tarkistetaan tunneittain).</translation>
    </message>
    <message>
        <source>Keep at most:</source>
        <translation>Säilytä enintään:</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> viestiä</translation>
    </message>
    <message>
        <source>Above this, the oldest messages are deleted.</source>
        <translation>Tämän yli vanhimmat viestit poistetaan.</translation>
    </message>
    <message>
        <source>Largest message accepted:</source>
        <translation>Suurin hyväksytty viesti:</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>A larger message from a station gets an error answer (above 1024 KiB the connection is closed).</source>
        <translation>Asemalta tuleva suurempi viesti saa virhevastauksen (yli 1024 KiB yhteys suljetaan).</translation>
    </message>
    <message>
        <source>Firmware and diagnostics files</source>
        <translation>Laiteohjelmisto- ja diagnostiikkatiedostot</translation>
    </message>
    <message>
        <source>Largest firmware file:</source>
        <translation>Suurin laiteohjelmistotiedosto:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mt</translation>
    </message>
    <message>
        <source>An admin&apos;s upload above this is refused.</source>
        <translation>Pääkäyttäjän tätä suurempi lähetys hylätään.</translation>
    </message>
    <message>
        <source>Largest diagnostics file:</source>
        <translation>Suurin diagnostiikkatiedosto:</translation>
    </message>
    <message>
        <source>A station&apos;s upload above this is cut off and not kept.</source>
        <translation>Aseman tätä suurempi lähetys katkaistaan eikä sitä säilytetä.</translation>
    </message>
    <message>
        <source>Diagnostics arrive within:</source>
        <translation>Diagnostiikka saapuu viimeistään:</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minuuttia</translation>
    </message>
    <message>
        <source>A requested file that has not arrived by then is reported in the diagnostics log.</source>
        <translation>Pyydetty tiedosto, joka ei ole saapunut siihen mennessä, ilmoitetaan diagnostiikkalokissa.</translation>
    </message>
    <message>
        <source>Firmware links valid for:</source>
        <translation>Laiteohjelmistolinkit voimassa:</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> tuntia</translation>
    </message>
    <message>
        <source>After the install time; a station that has not installed or failed by then is reported.</source>
        <translation>Asennusajan jälkeen; asema, joka ei ole siihen mennessä asentanut tai epäonnistunut, ilmoitetaan.</translation>
    </message>
    <message>
        <source>HTTP file port:</source>
        <translation>HTTP-tiedostoportti:</translation>
    </message>
    <message>
        <source>Stations download and upload files here (on the OCPP server&apos;s address). Takes effect at the next start.</source>
        <translation>Asemat lataavat ja lähettävät tiedostoja täällä (OCPP-palvelimen osoitteessa). Tulee voimaan seuraavassa käynnistyksessä.</translation>
    </message>
    <message>
        <source>FTP port:</source>
        <translation>FTP-portti:</translation>
    </message>
    <message>
        <source>Opened only while an FTP transfer is expected, with a one-time login per transfer; a change applies to the next one. 0 = any free port.</source>
        <translation>Avataan vain, kun FTP-siirtoa odotetaan, kertakäyttöisellä tunnuksella siirtoa kohden; muutos koskee seuraavaa siirtoa. 0 = mikä tahansa vapaa portti.</translation>
    </message>
    <message>
        <source>Operators and e-mail</source>
        <translation>Operaattorit ja sähköposti</translation>
    </message>
    <message>
        <source>Log-in valid for:</source>
        <translation>Kirjautuminen voimassa:</translation>
    </message>
    <message>
        <source>After this long the window locks and asks for the password again.</source>
        <translation>Näin pitkän ajan jälkeen ikkuna lukittuu ja kysyy salasanaa uudelleen.</translation>
    </message>
    <message>
        <source>Mail server (SMTP):</source>
        <translation>Sähköpostipalvelin (SMTP):</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>esim. smtp.example.com</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Portti:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Suojaus:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Käyttäjänimi:</translation>
    </message>
    <message>
        <source>empty when the server needs no log-in</source>
        <translation>tyhjä, jos palvelin ei vaadi kirjautumista</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Salasana:</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Lähettäjän osoite:</translation>
    </message>
    <message>
        <source>e.g. evdesk@example.com</source>
        <translation>esim. evdesk@example.com</translation>
    </message>
    <message>
        <source>Test e-mail to:</source>
        <translation>Testisähköposti osoitteeseen:</translation>
    </message>
    <message>
        <source>your address</source>
        <translation>osoitteesi</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Lähetä testisähköposti</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Palauta</translation>
    </message>
    <message>
        <source>Discard your edits and show the settings in force</source>
        <translation>Hylkää muokkauksesi ja näytä voimassa olevat asetukset</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>Online</source>
        <translation>Verkossa</translation>
    </message>
    <message>
        <source>Temporarily unavailable</source>
        <translation>Tilapäisesti poissa</translation>
    </message>
    <message>
        <source>Long-term unavailable</source>
        <translation>Pitkään poissa</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Ei koskaan yhdistänyt</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Hyväksytty</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Odottaa</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Hylätty</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiivinen</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Pois käytöstä</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Epäkunnossa</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Ei käytössä</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Estetty</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Kutsuttu</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Esikatselu</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Ei lähetetty</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Lähetetty</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Erääntynyt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Käynnissä</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Päättynyt</translation>
    </message>
    <message>
        <source>Closed (no stop)</source>
        <translation>Suljettu (ei lopetusta)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Epäonnistunut</translation>
    </message>
    <message>
        <source>Issue detected</source>
        <translation>Vika havaittu</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Keskeytetty</translation>
    </message>
    <message>
        <source>no charging points</source>
        <translation>ei latauspisteitä</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>lataa</translation>
    </message>
    <message>
        <source>available</source>
        <translation>vapaa</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>ei käytettävissä</translation>
    </message>
    <message>
        <source>reporting an issue</source>
        <translation>ilmoittaa viasta</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>keskeytetty</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>pois käytöstä</translation>
    </message>
    <message>
        <source>Without a group</source>
        <translation>Ilman ryhmää</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Maksuton</translation>
    </message>
    <message>
        <source>  (pending)</source>
        <translation>  (odottaa)</translation>
    </message>
    <message>
        <source>  (rejected)</source>
        <translation>  (hylätty)</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Pääkäyttäjä</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Peruskäyttäjä</translation>
    </message>
    <message>
        <source>Analyst (read only)</source>
        <translation>Analyytikko (vain luku)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Vapaa</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Valmistelee</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>Lataa</translation>
    </message>
    <message>
        <source>SuspendedEV</source>
        <translation>Auto keskeyttänyt</translation>
    </message>
    <message>
        <source>SuspendedEVSE</source>
        <translation>Asema keskeyttänyt</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Päättyy</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Varattu</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Ei käytettävissä</translation>
    </message>
    <message>
        <source>Faulted</source>
        <translation>Vikatilassa</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tuntematon</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>Add station</source>
        <translation>Lisää asema</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Tunnus:</translation>
    </message>
    <message>
        <source>as configured in the charger, e.g. DEPOT-AC-01</source>
        <translation>kuten laturiin on määritetty, esim. DEPOT-AC-01</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>free text; the identifier when empty</source>
        <translation>vapaa teksti; tyhjänä tunnus</translation>
    </message>
    <message>
        <source>Charging group:</source>
        <translation>Latausryhmä:</translation>
    </message>
    <message>
        <source>Connectors:</source>
        <translation>Liittimet:</translation>
    </message>
    <message>
        <source>Password (optional):</source>
        <translation>Salasana (valinnainen):</translation>
    </message>
    <message>
        <source>basic authentication (security profile 1)</source>
        <translation>perustunnistautuminen (suojausprofiili 1)</translation>
    </message>
</context>
<context>
    <name>StationHardwareDialog</name>
    <message>
        <source>Station details</source>
        <translation>Aseman tiedot</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Sijainti:</translation>
    </message>
    <message>
        <source>System status:</source>
        <translation>Järjestelmän tila:</translation>
    </message>
    <message>
        <source>Integration date:</source>
        <translation>Käyttöönottopäivä:</translation>
    </message>
    <message>
        <source>Known:</source>
        <translation>Tunnettu:</translation>
    </message>
    <message>
        <source>When the charger was put into service (for maintenance scheduling)</source>
        <translation>Milloin laturi otettiin käyttöön (huoltojen aikataulutusta varten)</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>&lt;b&gt;Charging points (EVSEs)&lt;/b&gt; — double-click a cell to edit it</source>
        <translation>&lt;b&gt;Latauspisteet (EVSE:t)&lt;/b&gt; — kaksoisnapsauta solua muokataksesi sitä</translation>
    </message>
    <message>
        <source>Add charging point</source>
        <translation>Lisää latauspiste</translation>
    </message>
    <message>
        <source>Remove charging point</source>
        <translation>Poista latauspiste</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sockets and cables&lt;/b&gt; of the selected charging point</source>
        <translation>Valitun latauspisteen &lt;b&gt;pistorasiat ja kaapelit&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add socket</source>
        <translation>Lisää pistorasia</translation>
    </message>
    <message>
        <source>A charging point has at most 4 sockets or cables</source>
        <translation>Latauspisteessä on enintään 4 pistorasiaa tai kaapelia</translation>
    </message>
    <message>
        <source>Remove socket</source>
        <translation>Poista pistorasia</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>Tallenna mallipohjaksi…</translation>
    </message>
    <message>
        <source>Save these charging points and the station&apos;s settings as a template for new stations</source>
        <translation>Tallenna nämä latauspisteet ja aseman asetukset mallipohjaksi uusille asemille</translation>
    </message>
</context>
<context>
    <name>StationLogTabs</name>
    <message>
        <source>Hardware status</source>
        <translation>Laitteiston tila</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostiikka</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>Write the whole log of this tab to a CSV file</source>
        <translation>Kirjoita tämän välilehden koko loki CSV-tiedostoon</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <source>‹ Stations</source>
        <translation>‹ Asemat</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Asema</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Komennot</translation>
    </message>
    <message>
        <source>Event feed</source>
        <translation>Tapahtumasyöte</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Päivä:</translation>
    </message>
    <message>
        <source>‹ Previous day</source>
        <translation>‹ Edellinen päivä</translation>
    </message>
    <message>
        <source>yyyy-MM-dd (ddd)</source>
        <translation>ddd d.M.yyyy</translation>
    </message>
    <message>
        <source>Next day ›</source>
        <translation>Seuraava päivä ›</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>OCPP status:</source>
        <translation>OCPP-tila:</translation>
    </message>
    <message>
        <source>Error type:</source>
        <translation>Virhetyyppi:</translation>
    </message>
    <message>
        <source>Communication log</source>
        <translation>Viestiloki</translation>
    </message>
    <message>
        <source>Find in action or payload (loaded rows)</source>
        <translation>Etsi toiminnosta tai sisällöstä (ladatut rivit)</translation>
    </message>
    <message>
        <source>→ sent to the station    ← received from the station</source>
        <translation>→ lähetetty asemalle    ← vastaanotettu asemalta</translation>
    </message>
    <message>
        <source>Select a message to see its payload.</source>
        <translation>Valitse viesti nähdäksesi sen sisällön.</translation>
    </message>
    <message>
        <source>Action log</source>
        <translation>Toimintoloki</translation>
    </message>
    <message>
        <source>Network log</source>
        <translation>Verkkoloki</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Määritykset</translation>
    </message>
    <message>
        <source>The station&apos;s configuration keys as last read from it.</source>
        <translation>Aseman määritysavaimet sellaisina kuin ne viimeksi luettiin siltä.</translation>
    </message>
    <message>
        <source>Find a key or value</source>
        <translation>Etsi avainta tai arvoa</translation>
    </message>
    <message>
        <source>Refresh configuration…</source>
        <translation>Päivitä määritykset…</translation>
    </message>
    <message>
        <source>Read every configuration key from the station now (GetConfiguration)</source>
        <translation>Lue kaikki määritysavaimet asemalta nyt (GetConfiguration)</translation>
    </message>
    <message>
        <source>Days in {zone}</source>
        <translation>Päivät aikavyöhykkeellä {zone}</translation>
    </message>
    <message>
        <source>Station removed</source>
        <translation>Asema poistettu</translation>
    </message>
    <message>
        <source>Your role cannot send commands.</source>
        <translation>Roolisi ei voi lähettää komentoja.</translation>
    </message>
    <message>
        <source>Name, group, access, intervals, password; delete the station</source>
        <translation>Nimi, ryhmä, pääsy, välit, salasana; aseman poisto</translation>
    </message>
    <message>
        <source>Only admin operators can edit charging stations.</source>
        <translation>Vain pääkäyttäjät voivat muokata latausasemia.</translation>
    </message>
    <message>
        <source>Identifier {identity}</source>
        <translation>Tunnus {identity}</translation>
    </message>
    <message>
        <source>firmware {version}</source>
        <translation>laiteohjelmisto {version}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tuntematon</translation>
    </message>
    <message>
        <source>security profile {profile}</source>
        <translation>suojausprofiili {profile}</translation>
    </message>
    <message>
        <source>firmware update: {status}</source>
        <translation>laiteohjelmistopäivitys: {status}</translation>
    </message>
    <message>
        <source>registration: {registration}</source>
        <translation>rekisteröinti: {registration}</translation>
    </message>
    <message>
        <source>whole station: {status}</source>
        <translation>koko asema: {status}</translation>
    </message>
    <message>
        <source>last seen {time} {zone} ({ago})</source>
        <translation>viimeksi nähty {time} {zone} ({ago})</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ei koskaan</translation>
    </message>
    <message>
        <source>tariff group {name} ({source})</source>
        <translation>hinnastoryhmä {name} ({source})</translation>
    </message>
    <message>
        <source>no tariff group: sessions are free</source>
        <translation>ei hinnastoryhmää: lataus on maksuton</translation>
    </message>
    <message>
        <source>; connector {connector}: {name}</source>
        <translation>; liitin {connector}: {name}</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>All error types</source>
        <translation>Kaikki virhetyypit</translation>
    </message>
    <message>
        <source>→ sent to the station</source>
        <translation>→ lähetetty asemalle</translation>
    </message>
    <message>
        <source>← received from the station</source>
        <translation>← vastaanotettu asemalta</translation>
    </message>
    <message>
        <source>Reading the stored keys…</source>
        <translation>Luetaan tallennettuja avaimia…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Lataustapahtumat</translation>
    </message>
    <message>
        <source>Compatibility</source>
        <translation>Yhteensopivuus</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Tiedot…</translation>
    </message>
    <message>
        <source>Location, system status, integration date, charging points (EVSEs) and sockets</source>
        <translation>Sijainti, järjestelmän tila, käyttöönottopäivä, latauspisteet (EVSE:t) ja pistorasiat</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Tilastot</translation>
    </message>
    <message>
        <source>Sessions started at this station in the last 24 hours, the charging points they used and their energy</source>
        <translation>Tällä asemalla viimeisen 24 tunnin aikana alkaneet tapahtumat, niiden käyttämät latauspisteet ja energia</translation>
    </message>
    <message>
        <source>charging event</source>
        <translation>latauskerta</translation>
    </message>
    <message>
        <source>charging events</source>
        <translation>latauskertaa</translation>
    </message>
    <message>
        <source>charging point</source>
        <translation>latauspiste</translation>
    </message>
    <message>
        <source>charging points</source>
        <translation>latauspistettä</translation>
    </message>
    <message>
        <source>Last 24 hours: &lt;b&gt;{sessions}&lt;/b&gt; {events} · &lt;b&gt;{points_used}&lt;/b&gt; {points} · &lt;b&gt;{energy}&lt;/b&gt; kWh</source>
        <translation>Viimeiset 24 tuntia: &lt;b&gt;{sessions}&lt;/b&gt; {events} · &lt;b&gt;{points_used}&lt;/b&gt; {points} · &lt;b&gt;{energy}&lt;/b&gt; kWh</translation>
    </message>
</context>
<context>
    <name>StationSettingsDialog</name>
    <message>
        <source>Station settings</source>
        <translation>Aseman asetukset</translation>
    </message>
    <message>
        <source>This station was changed by someone else. Reload it and try again.</source>
        <translation>Joku muu muutti tätä asemaa. Lataa se uudelleen ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Lataa uudelleen</translation>
    </message>
    <message>
        <source>Discard your edits and show the station as it is now</source>
        <translation>Hylkää muokkauksesi ja näytä asema sellaisena kuin se nyt on</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Yleiset</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Charging group:</source>
        <translation>Latausryhmä:</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>Pääsy:</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Julkinen</translation>
    </message>
    <message>
        <source>Anyone with a valid, active charging token may charge.</source>
        <translation>Kuka tahansa, jolla on voimassa oleva, aktiivinen lataustunniste, saa ladata.</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Yksityinen</translation>
    </message>
    <message>
        <source>Only charging users given rights to this station may charge.</source>
        <translation>Vain latauskäyttäjät, joille on annettu oikeudet tähän asemaan, saavat ladata.</translation>
    </message>
    <message>
        <source>Free charging</source>
        <translation>Ilmainen lataus</translation>
    </message>
    <message>
        <source>No identification: anyone can plug in and charge.</source>
        <translation>Ei tunnistautumista: kuka tahansa voi kytkeä ja ladata.</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Muistiinpanot:</translation>
    </message>
    <message>
        <source>Location, contact, anything the next operator should know</source>
        <translation>Sijainti, yhteystiedot, kaikki mitä seuraavan operaattorin pitää tietää</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Yhteys</translation>
    </message>
    <message>
        <source>Heartbeat interval:</source>
        <translation>Heartbeat-väli:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Meter-value interval:</source>
        <translation>Mittausväli:</translation>
    </message>
    <message>
        <source>Both intervals are sent to the station at its next boot: a change takes effect when it restarts.</source>
        <translation>Molemmat välit lähetetään asemalle sen seuraavassa käynnistyksessä: muutos tulee voimaan, kun se käynnistyy uudelleen.</translation>
    </message>
    <message>
        <source>Accept RFID tags with a vendor suffix</source>
        <translation>Hyväksy RFID-tunnisteet valmistajan päätteellä</translation>
    </message>
    <message>
        <source>A tag the station sends as 04A2B3C4_serial is also recognised as 04A2B3C4.</source>
        <translation>Tunniste, jonka asema lähettää muodossa 04A2B3C4_serial, tunnistetaan myös muodossa 04A2B3C4.</translation>
    </message>
    <message>
        <source>Skip schema validation</source>
        <translation>Ohita skeematarkistus</translation>
    </message>
    <message>
        <source>For firmware that sends invalid messages: messages that break the OCPP schema are accepted anyway. Use only for firmware known to need it.</source>
        <translation>Laiteohjelmistoille, jotka lähettävät virheellisiä viestejä: OCPP-skeemaa rikkovat viestit hyväksytään silti. Käytä vain laiteohjelmistolle, jonka tiedetään tarvitsevan sitä.</translation>
    </message>
    <message>
        <source>Station password (basic auth: security profiles 1 and 2)</source>
        <translation>Aseman salasana (perustunnistautuminen: suojausprofiilit 1 ja 2)</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Uusi salasana:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>vähintään 8 merkkiä</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Toista salasana:</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>sama uudelleen</translation>
    </message>
    <message>
        <source>Remove the password: the station may connect without one</source>
        <translation>Poista salasana: asema saa yhdistää ilman sitä</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Suojaus</translation>
    </message>
    <message>
        <source>Security profile:</source>
        <translation>Suojausprofiili:</translation>
    </message>
    <message>
        <source>Delete station…</source>
        <translation>Poista asema…</translation>
    </message>
    <message>
        <source>Remove this station from the site; its history is kept</source>
        <translation>Poista tämä asema sivustolta; sen historia säilyy</translation>
    </message>
    <message>
        <source>— no group —</source>
        <translation>— ei ryhmää —</translation>
    </message>
    <message>
        <source>1 — basic auth (ws:// or wss://)</source>
        <translation>1 — perustunnistautuminen (ws:// tai wss://)</translation>
    </message>
    <message>
        <source>2 — TLS and basic auth (wss:// only)</source>
        <translation>2 — TLS ja perustunnistautuminen (vain wss://)</translation>
    </message>
    <message>
        <source>3 — TLS with a client certificate (wss:// only)</source>
        <translation>3 — TLS asiakasvarmenteella (vain wss://)</translation>
    </message>
    <message>
        <source>The station may connect over plain ws://; with a password it must send it (basic auth).</source>
        <translation>Asema saa yhdistää salaamattomalla ws://-yhteydellä; jos salasana on asetettu, sen on lähetettävä se (perustunnistautuminen).</translation>
    </message>
    <message>
        <source>Refused on plain ws://: the station connects over wss:// and trusts the site CA (Settings → Certificates). It logs in with its password.</source>
        <translation>Salaamaton ws:// hylätään: asema yhdistää wss://-yhteydellä ja luottaa sivuston CA:han (Asetukset → Varmenteet). Se kirjautuu salasanallaan.</translation>
    </message>
    <message>
        <source>Refused on plain ws:// and without a certificate: the station shows a client certificate issued by the site CA whose name (CN) is its identifier. No password is asked.</source>
        <translation>Salaamaton ws:// ja varmenteeton yhteys hylätään: asema esittää sivuston CA:n myöntämän asiakasvarmenteen, jonka nimi (CN) on sen tunnus. Salasanaa ei kysytä.</translation>
    </message>
    <message>
        <source>Settings of {name}</source>
        <translation>Aseman {name} asetukset</translation>
    </message>
    <message>
        <source>Identifier &lt;b&gt;{identity}&lt;/b&gt; (cannot be changed)</source>
        <translation>Tunnus &lt;b&gt;{identity}&lt;/b&gt; (ei muutettavissa)</translation>
    </message>
    <message>
        <source>The station must send it as HTTP basic authentication, with its identifier {identity} as the user name. Set the same password in the charger before saving here.</source>
        <translation>Aseman on lähetettävä se HTTP-perustunnistautumisena, käyttäjänimenä tunnuksensa {identity}. Aseta sama salasana laturiin ennen kuin tallennat tässä.</translation>
    </message>
    <message>
        <source>This station no longer exists: someone deleted it.</source>
        <translation>Tätä asemaa ei enää ole: joku poisti sen.</translation>
    </message>
    <message>
        <source>  ·  {device}, firmware {version}</source>
        <translation>  ·  {device}, laiteohjelmisto {version}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tuntematon</translation>
    </message>
    <message>
        <source>(a deleted group)</source>
        <translation>(poistettu ryhmä)</translation>
    </message>
    <message>
        <source>A password is set. Enter a new one to change it.</source>
        <translation>Salasana on asetettu. Anna uusi vaihtaaksesi sen.</translation>
    </message>
    <message>
        <source>leave empty to keep the current one</source>
        <translation>jätä tyhjäksi säilyttääksesi nykyisen</translation>
    </message>
    <message>
        <source>No password is set: the station connects without one.</source>
        <translation>Salasanaa ei ole asetettu: asema yhdistää ilman sitä.</translation>
    </message>
    <message>
        <source>The station could not be read: {error}. Close the dialog and try again.</source>
        <translation>Asemaa ei voitu lukea: {error}. Sulje ikkuna ja yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>StationTemplatesPage</name>
    <message>
        <source>Station templates</source>
        <translation>Asemapohjat</translation>
    </message>
    <message>
        <source>A template holds a station&apos;s charging points, sockets and settings. To make one, open a station&apos;s details and choose “Save as template…”; here you create stations from it, rename or delete it.</source>
        <translation>Mallipohja sisältää aseman latauspisteet, pistorasiat ja asetukset. Luodaksesi sellaisen avaa aseman tiedot ja valitse ”Tallenna mallipohjaksi…”; täällä luot asemia siitä, nimeät sen uudelleen tai poistat sen.</translation>
    </message>
    <message>
        <source>Search template name, manufacturer, model…</source>
        <translation>Hae mallipohjan nimellä, valmistajalla, mallilla…</translation>
    </message>
    <message>
        <source>Create station…</source>
        <translation>Luo asema…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Nimeä uudelleen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <source>Charging stations</source>
        <translation>Latausasemat</translation>
    </message>
    <message>
        <source>How chargers connect…</source>
        <translation>Miten laturit yhdistävät…</translation>
    </message>
    <message>
        <source>The address, port and rules a charging station needs to connect to this evdesk</source>
        <translation>Osoite, portti ja säännöt, joita latausasema tarvitsee yhdistääkseen tähän evdeskiin</translation>
    </message>
    <message>
        <source>Add station…</source>
        <translation>Lisää asema…</translation>
    </message>
    <message>
        <source>Stations are waiting for adoption.</source>
        <translation>Asemia odottaa hyväksyntää.</translation>
    </message>
    <message>
        <source>Show pending stations</source>
        <translation>Näytä odottavat asemat</translation>
    </message>
    <message>
        <source>Search name or identifier</source>
        <translation>Hae nimellä tai tunnuksella</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Yhteys:</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>Rekisteröinti:</translation>
    </message>
    <message>
        <source>Accept the selected pending station into this site</source>
        <translation>Hyväksy valittu odottava asema tähän sivustoon</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>Hyväksy…</translation>
    </message>
    <message>
        <source>Turn the selected pending station away</source>
        <translation>Käännytä valittu odottava asema pois</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Hylkää</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Kaikki</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Verkossa</translation>
    </message>
    <message>
        <source>Not online</source>
        <translation>Ei verkossa</translation>
    </message>
    <message>
        <source>Temporarily unavailable</source>
        <translation>Tilapäisesti poissa</translation>
    </message>
    <message>
        <source>Long-term unavailable</source>
        <translation>Pitkään poissa</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Ei koskaan yhdistänyt</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Hyväksytty</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Odottaa</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Hylätty</translation>
    </message>
    <message>
        <source>⚠  {count} stations are waiting for adoption.</source>
        <translation>⚠  {count} asemaa odottaa hyväksyntää.</translation>
    </message>
    <message>
        <source>⚠  1 station is waiting for adoption.</source>
        <translation>⚠  1 asema odottaa hyväksyntää.</translation>
    </message>
    <message>
        <source>Pending stations may connect but cannot charge until an administrator adopts them.</source>
        <translation>Odottavat asemat saavat yhdistää, mutta eivät voi ladata ennen kuin pääkäyttäjä hyväksyy ne.</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} stations</source>
        <translation>Näytetään {shown}/{total} asemaa</translation>
    </message>
    <message>
        <source>Rejected {identity}: it can no longer connect. Adopt it to let it in again.</source>
        <translation>{identity} hylätty: se ei voi enää yhdistää. Hyväksy se päästääksesi sen takaisin.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Change the selected station&apos;s settings or password, or delete it</source>
        <translation>Muuta valitun aseman asetuksia tai salasanaa, tai poista se</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Muokkaa asetuksia…</translation>
    </message>
    <message>
        <source>Details, charging points and sockets…</source>
        <translation>Tiedot, latauspisteet ja pistorasiat…</translation>
    </message>
    <message>
        <source>Saved the settings of {name} ({identity}).</source>
        <translation>Aseman {name} ({identity}) asetukset tallennettu.</translation>
    </message>
    <message>
        <source>Deleted {name} ({identity}). The identifier is free again; its history is kept.</source>
        <translation>{name} ({identity}) poistettu. Tunnus on taas vapaa; historia säilyy.</translation>
    </message>
</context>
<context>
    <name>TariffDialog</name>
    <message>
        <source>Tariff</source>
        <translation>Hinnasto</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tyyppi:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Valuutta:</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Hinnat</translation>
    </message>
    <message>
        <source>0.0000</source>
        <translation>0.0000</translation>
    </message>
    <message>
        <source>per session</source>
        <translation>per tapahtuma</translation>
    </message>
    <message>
        <source>Day prices start:</source>
        <translation>Päivähinnat alkavat:</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Night prices start:</source>
        <translation>Yöhinnat alkavat:</translation>
    </message>
    <message>
        <source>per kWh</source>
        <translation>kWh:lta</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>tunnilta</translation>
    </message>
    <message>
        <source>Time counts:</source>
        <translation>Aika lasketaan:</translation>
    </message>
    <message>
        <source>Power levels:</source>
        <translation>Tehotasot:</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>Lisää taso</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>Poista taso</translation>
    </message>
    <message>
        <source>per minute from minute</source>
        <translation>per minuutti minuutista alkaen</translation>
    </message>
    <message>
        <source>per hour parked after charging, after</source>
        <translation>per tunti pysäköitynä latauksen jälkeen, kun on kulunut</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Prices have at most 4 decimals; an empty field is 0.</source>
        <translation>Hinnoissa on enintään 4 desimaalia; tyhjä kenttä on 0.</translation>
    </message>
    <message>
        <source>VAT and validity</source>
        <translation>ALV ja voimassaolo</translation>
    </message>
    <message>
        <source>VAT rate:</source>
        <translation>ALV-kanta:</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Prices include VAT</source>
        <translation>Hinnat sisältävät ALV:n</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Voimassa alkaen:</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>d.M.yyyy HH:mm</translation>
    </message>
    <message>
        <source>Valid to:</source>
        <translation>Voimassa asti:</translation>
    </message>
    <message>
        <source>Stop limits</source>
        <translation>Lopetusrajat</translation>
    </message>
    <message>
        <source>Maximum time:</source>
        <translation>Enimmäisaika:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>ei rajaa</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Maximum energy:</source>
        <translation>Enimmäisenergia:</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>Maximum cost:</source>
        <translation>Enimmäishinta:</translation>
    </message>
    <message>
        <source>A session with this tariff stops when it reaches a limit. Empty: no limit.</source>
        <translation>Tapahtuma tällä hinnastolla pysähtyy, kun se saavuttaa rajan. Tyhjä: ei rajaa.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Muistiinpanot</translation>
    </message>
    <message>
        <source>What would this session cost?</source>
        <translation>Mitä tämä tapahtuma maksaisi?</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Kesto:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Energy:</source>
        <translation>Energia:</translation>
    </message>
    <message>
        <source> kWh</source>
        <translation> kWh</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Alku:</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Virta:</translation>
    </message>
    <message>
        <source>AC</source>
        <translation>AC</translation>
    </message>
    <message>
        <source>DC</source>
        <translation>DC</translation>
    </message>
    <message>
        <source>Parked after charging:</source>
        <translation>Pysäköity latauksen jälkeen:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Someone else changed this tariff since you opened it. Close this window and open it again.</source>
        <translation>Joku muu muutti tätä hinnastoa sen jälkeen, kun avasit sen. Sulje ikkuna ja avaa hinnasto uudelleen.</translation>
    </message>
    <message>
        <source>Price per session:</source>
        <translation>Hinta per lataus:</translation>
    </message>
    <message>
        <source>Energy (night):</source>
        <translation>Energia (yö):</translation>
    </message>
    <message>
        <source>Energy (DC):</source>
        <translation>Energia (DC):</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Aika:</translation>
    </message>
    <message>
        <source>Time (night):</source>
        <translation>Aika (yö):</translation>
    </message>
    <message>
        <source>Connection fee:</source>
        <translation>Aloitusmaksu:</translation>
    </message>
    <message>
        <source>Per-minute fee:</source>
        <translation>Minuuttimaksu:</translation>
    </message>
    <message>
        <source>Per-minute fee (DC):</source>
        <translation>Minuuttimaksu (DC):</translation>
    </message>
    <message>
        <source>Parking fee:</source>
        <translation>Pysäköintimaksu:</translation>
    </message>
    <message>
        <source>Energy (day):</source>
        <translation>Energia (päivä):</translation>
    </message>
    <message>
        <source>Time (day):</source>
        <translation>Aika (päivä):</translation>
    </message>
    <message>
        <source>Energy (AC):</source>
        <translation>Energia (AC):</translation>
    </message>
    <message>
        <source>Per-minute fee (AC):</source>
        <translation>Minuuttimaksu (AC):</translation>
    </message>
    <message>
        <source>Log in to change tariffs.</source>
        <translation>Kirjaudu sisään muuttaaksesi hinnastoja.</translation>
    </message>
    <message>
        <source>You can look at tariffs and tariff groups; analysts change nothing.</source>
        <translation>Voit tarkastella hinnastoja ja hinnastoryhmiä; analyytikot eivät muuta mitään.</translation>
    </message>
    <message>
        <source>You can look at tariffs and tariff groups; only administrators change them.</source>
        <translation>Voit tarkastella hinnastoja ja hinnastoryhmiä; vain ylläpitäjät voivat muuttaa niitä.</translation>
    </message>
    <message>
        <source>You can look at tariffs and assign tariff groups within your charging groups; only administrators of the whole site change tariffs and tariff groups, because one price reaches every station that uses it.</source>
        <translation>Voit tarkastella hinnastoja ja liittää hinnastoryhmiä omiin latausryhmiisi; vain koko sivuston ylläpitäjät muuttavat hinnastoja ja hinnastoryhmiä, koska sama hinta koskee jokaista sitä käyttävää asemaa.</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>minuutilta</translation>
    </message>
    <message>
        <source>{currency} (the site&apos;s currency; every price is in it)</source>
        <translation>{currency} (sivuston valuutta; kaikki hinnat ovat siinä)</translation>
    </message>
    <message>
        <source>Times in {zone}. A tariff outside its dates admits no session: the tariff group&apos;s next choice applies.</source>
        <translation>Ajat aikavyöhykkeellä {zone}. Voimassaoloaikansa ulkopuolella hinnasto ei koske yhtään lataustapahtumaa: silloin pätee hinnastoryhmän seuraava vaihtoehto.</translation>
    </message>
    <message>
        <source>Minutes parked after charging that cost nothing.</source>
        <translation>Latauksen jälkeiset maksuttomat pysäköintiminuutit.</translation>
    </message>
    <message>
        <source>Add tariff</source>
        <translation>Lisää hinnasto</translation>
    </message>
    <message>
        <source>A tariff is used once it is in a tariff group that applies to a station.</source>
        <translation>Hinnasto otetaan käyttöön, kun se kuuluu hinnastoryhmään, joka koskee jotakin asemaa.</translation>
    </message>
    <message>
        <source>Tariff {name}</source>
        <translation>Hinnasto {name}</translation>
    </message>
    <message>
        <source>In the tariff group(s) {groups}.</source>
        <translation>Hinnastoryhmissä: {groups}.</translation>
    </message>
    <message>
        <source>Not in any tariff group yet.</source>
        <translation>Ei vielä missään hinnastoryhmässä.</translation>
    </message>
    <message>
        <source>A change applies to sessions that start after it; running and past sessions keep their prices.</source>
        <translation>Muutos koskee sen jälkeen alkavia lataustapahtumia; käynnissä olevat ja päättyneet säilyttävät hintansa.</translation>
    </message>
    <message>
        <source>A base tariff is named after its tariff group.</source>
        <translation>Perushinnasto nimetään hinnastoryhmänsä mukaan.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Up to (average kW)</source>
        <translation>Enintään (keskiteho kW)</translation>
    </message>
    <message>
        <source>Price per minute</source>
        <translation>Minuuttihinta</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Rivi</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Määrä</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Yksikköhinta</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>Start ({zone}):</source>
        <translation>Alku ({zone}):</translation>
    </message>
    <message>
        <source>Priced as a session would be: each line rounded to the cent, the total their sum.</source>
        <translation>Hinnoiteltu kuten lataustapahtuma: jokainen rivi pyöristettynä senttiin, yhteensä rivien summa.</translation>
    </message>
    <message>
        <source>Here the car charges for the whole duration.</source>
        <translation>Tässä auto latautuu koko ajan.</translation>
    </message>
    <message>
        <source>A session keeps the prices it started with.</source>
        <translation>Lataustapahtuma säilyttää alkaessaan voimassa olleet hinnat.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to see the price.</source>
        <translation>Korjaa punaisella merkityt kentät nähdäksesi hinnan.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total {currency} 0.00&lt;/b&gt;: this session costs nothing.</source>
        <translation>&lt;b&gt;Yhteensä {currency} 0.00&lt;/b&gt;: tämä lataustapahtuma on maksuton.</translation>
    </message>
    <message>
        <source>included</source>
        <translation>sisältyy</translation>
    </message>
    <message>
        <source>added</source>
        <translation>lisätty</translation>
    </message>
    <message>
        <source>Net {net} · VAT {rate} % {vat} ({words})</source>
        <translation>Veroton {net} · ALV {rate} % {vat} ({words})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total {currency} {total}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Yhteensä {currency} {total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then save.</source>
        <translation>Korjaa punaisella merkityt kentät ja tallenna sitten.</translation>
    </message>
</context>
<context>
    <name>TariffGroupDialog</name>
    <message>
        <source>Tariff group</source>
        <translation>Hinnastoryhmä</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Tariffs in this group</source>
        <translation>Tämän ryhmän hinnastot</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lisää</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Ylös</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Alas</translation>
    </message>
    <message>
        <source>When several tariffs admit a session, the one lowest in the list wins; the base tariff applies to everyone else.</source>
        <translation>Kun useampi hinnasto hyväksyy tapahtuman, listassa alimpana oleva voittaa; perushinnasto koskee kaikkia muita.</translation>
    </message>
    <message>
        <source>Who and when the selected tariff applies</source>
        <translation>Keitä ja milloin valittu hinnasto koskee</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Käyttäjäryhmät</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Käyttäjät</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Hae käyttäjiä</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Poista käyttäjä</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Hae tunnisteita</translation>
    </message>
    <message>
        <source>Remove token</source>
        <translation>Poista tunniste</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Ajat</translation>
    </message>
    <message>
        <source>Add time window</source>
        <translation>Lisää aikaikkuna</translation>
    </message>
    <message>
        <source>Remove time window</source>
        <translation>Poista aikaikkuna</translation>
    </message>
    <message>
        <source>Where this group applies</source>
        <translation>Missä tämä ryhmä on voimassa</translation>
    </message>
    <message>
        <source>Assign here</source>
        <translation>Liitä tähän</translation>
    </message>
    <message>
        <source>Remove assignment</source>
        <translation>Poista liitos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Someone else changed this tariff group since you opened it. Close this window and open it again.</source>
        <translation>Joku muu muutti tätä hinnastoryhmää sen jälkeen, kun avasit sen. Sulje ikkuna ja avaa ryhmä uudelleen.</translation>
    </message>
    <message>
        <source>The base tariff applies to everyone and at any time: it cannot be restricted.</source>
        <translation>Perushinnasto koskee kaikkia ja aina: sitä ei voi rajata.</translation>
    </message>
    <message>
        <source>Tariff group {name}</source>
        <translation>Hinnastoryhmä {name}</translation>
    </message>
    <message>
        <source>Add tariff group</source>
        <translation>Lisää hinnastoryhmä</translation>
    </message>
    <message>
        <source>The tariffs of this group, in order, and where the group applies. The base tariff is made with the group (Free at first; edit its prices on the Tariffs tab).</source>
        <translation>Ryhmän hinnastot järjestyksessä ja missä ryhmä on käytössä. Perushinnasto luodaan ryhmän mukana (aluksi maksuton; muokkaa sen hintoja Hinnastot-välilehdellä).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Hinnasto</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Hinta</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Koskee</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Uusi ryhmä</translation>
    </message>
    <message>
        <source>Free (made with the group)</source>
        <translation>Maksuton (luotu ryhmän mukana)</translation>
    </message>
    <message>
        <source>everyone else, any time</source>
        <translation>kaikki muut, milloin tahansa</translation>
    </message>
    <message>
        <source>a removed tariff</source>
        <translation>poistettu hinnasto</translation>
    </message>
    <message>
        <source>a removed user group</source>
        <translation>poistettu käyttäjäryhmä</translation>
    </message>
    <message>
        <source>user groups {names}</source>
        <translation>käyttäjäryhmät {names}</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>kaikki</translation>
    </message>
    <message>
        <source>{who}; a time window needs its days</source>
        <translation>{who}; aikaikkunalle tarvitaan päivät</translation>
    </message>
    <message>
        <source>, any time</source>
        <translation>, milloin tahansa</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Asti</translation>
    </message>
    <message>
        <source>In each station&apos;s time zone. An end at or before the start runs past midnight (Fri 22:00–06:00 ends on Saturday morning); the same start and end is the whole day.</source>
        <translation>Kunkin aseman aikavyöhykkeellä. Alkua aiempi tai sama loppu jatkuu yli keskiyön (pe 22:00–06:00 päättyy lauantaiaamuna); sama alku ja loppu tarkoittaa koko päivää.</translation>
    </message>
    <message>
        <source>Select a tariff in the list.</source>
        <translation>Valitse hinnasto luettelosta.</translation>
    </message>
    <message>
        <source>No user groups, users or tokens chosen: everyone. No time windows: any time.</source>
        <translation>Ei valittuja käyttäjäryhmiä, käyttäjiä tai tunnisteita: kaikki. Ei aikaikkunoita: milloin tahansa.</translation>
    </message>
    <message>
        <source>a user outside your charging groups</source>
        <translation>käyttäjä latausryhmiesi ulkopuolella</translation>
    </message>
    <message>
        <source>a token outside your charging groups</source>
        <translation>tunniste latausryhmiesi ulkopuolella</translation>
    </message>
</context>
<context>
    <name>TariffGroupsModel</name>
    <message>
        <source>nowhere yet</source>
        <translation>ei vielä missään</translation>
    </message>
</context>
<context>
    <name>TariffsModel</name>
    <message>
        <source>always</source>
        <translation>aina</translation>
    </message>
    <message>
        <source>indefinitely</source>
        <translation>toistaiseksi</translation>
    </message>
    <message>
        <source>none: not used yet</source>
        <translation>ei mitään: ei vielä käytössä</translation>
    </message>
    <message>
        <source>The base tariff of its tariff group: it applies to everyone the group&apos;s other tariffs do not admit.</source>
        <translation>Hinnastoryhmänsä perushinnasto: se koskee kaikkia, joita ryhmän muut hinnastot eivät koske.</translation>
    </message>
</context>
<context>
    <name>TariffsPage</name>
    <message>
        <source>Tariffs</source>
        <translation>Hinnastot</translation>
    </message>
    <message>
        <source>Search name</source>
        <translation>Hae nimellä</translation>
    </message>
    <message>
        <source>Add tariff…</source>
        <translation>Lisää hinnasto…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Tariff groups</source>
        <translation>Hinnastoryhmät</translation>
    </message>
    <message>
        <source>A tariff group is an ordered list of tariffs with the users and times each applies to. Assign a group to a charging group (its subgroups included), a station or a connector.</source>
        <translation>Hinnastoryhmä on järjestetty lista hinnastoja niiden käyttäjineen ja aikoineen. Liitä ryhmä latausryhmään (aliryhmineen), asemaan tai liittimeen.</translation>
    </message>
    <message>
        <source>Add tariff group…</source>
        <translation>Lisää hinnastoryhmä…</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Näytä…</translation>
    </message>
    <message>
        <source>A base tariff goes with its tariff group.</source>
        <translation>Perushinnasto poistuu vain hinnastoryhmänsä mukana.</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Liitä…</translation>
    </message>
    <message>
        <source>Saved the tariff {name}.</source>
        <translation>Hinnasto {name} tallennettu.</translation>
    </message>
    <message>
        <source>Delete tariff</source>
        <translation>Poista hinnasto</translation>
    </message>
    <message>
        <source>Delete the tariff {name}?</source>
        <translation>Poistetaanko hinnasto {name}?</translation>
    </message>
    <message>
        <source>Deleted the tariff {name}.</source>
        <translation>Hinnasto {name} poistettu.</translation>
    </message>
    <message>
        <source>Sessions already priced with it keep their prices.</source>
        <translation>Sillä jo hinnoitellut lataustapahtumat säilyttävät hintansa.</translation>
    </message>
    <message>
        <source>Saved the tariff group {name}.</source>
        <translation>Hinnastoryhmä {name} tallennettu.</translation>
    </message>
    <message>
        <source>Delete tariff group</source>
        <translation>Poista hinnastoryhmä</translation>
    </message>
    <message>
        <source>Delete the tariff group {name} with its base tariff?</source>
        <translation>Poistetaanko hinnastoryhmä {name} perushinnastoineen?</translation>
    </message>
    <message>
        <source>Deleted the tariff group {name}.</source>
        <translation>Hinnastoryhmä {name} poistettu.</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <source>none</source>
        <translation>ei mitään</translation>
    </message>
</context>
<context>
    <name>TemplateStationDialog</name>
    <message>
        <source>Create a station from a template</source>
        <translation>Luo asema mallipohjasta</translation>
    </message>
    <message>
        <source>The new station is registered before the charger first connects: it is accepted at once. Choose the template first — it fills in the name.</source>
        <translation>Uusi asema rekisteröidään ennen kuin laturi yhdistää ensimmäisen kerran: se hyväksytään heti. Valitse ensin mallipohja — se täyttää nimen.</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Mallipohja:</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Tunnus:</translation>
    </message>
    <message>
        <source>the charger&apos;s OCPP identity, e.g. DEPOT-07</source>
        <translation>laturin OCPP-tunnus, esim. DEPOT-07</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Charging group:</source>
        <translation>Latausryhmä:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Sijainti:</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <source>whole site</source>
        <translation>koko sivusto</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>Edit token</source>
        <translation>Muokkaa tunnistetta</translation>
    </message>
    <message>
        <source>Token id:</source>
        <translation>Tunnisteen id:</translation>
    </message>
    <message>
        <source>RFID uid</source>
        <translation>RFID-uid</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Voimassa alkaen:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>alkaen</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Voimassa asti:</translation>
    </message>
    <message>
        <source>until</source>
        <translation>asti</translation>
    </message>
    <message>
        <source>Parent (group) token:</source>
        <translation>Ylätunniste (ryhmä):</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valinnainen</translation>
    </message>
    <message>
        <source>Dates are whole days in each station&apos;s time zone. Without an end date the token is valid indefinitely.</source>
        <translation>Päivät ovat kokonaisia päiviä kunkin aseman aikavyöhykkeellä. Ilman päättymispäivää tunniste on voimassa toistaiseksi.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Edit token {uid}</source>
        <translation>Muokkaa tunnistetta {uid}</translation>
    </message>
    <message>
        <source>The token id cannot be changed. Add a new token instead.</source>
        <translation>Tunnisteen id:tä ei voi muuttaa. Lisää sen sijaan uusi tunniste.</translation>
    </message>
    <message>
        <source>Someone else changed this token since you opened it. Close this window and edit it again to see their version.</source>
        <translation>Joku muu muutti tätä tunnistetta sen jälkeen, kun avasit sen. Sulje ikkuna ja avaa tunniste uudelleen nähdäksesi hänen versionsa.</translation>
    </message>
    <message>
        <source>The token could not be saved</source>
        <translation>Tunnistetta ei voitu tallentaa</translation>
    </message>
</context>
<context>
    <name>TokensModel</name>
    <message>
        <source>indefinitely</source>
        <translation>toistaiseksi</translation>
    </message>
    <message>
        <source>Whole days in each station&apos;s time zone.</source>
        <translation>Kokonaisia päiviä kunkin aseman aikavyöhykkeellä.</translation>
    </message>
</context>
<context>
    <name>TokensPage</name>
    <message>
        <source>Tokens</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <source>Search token id, name or user</source>
        <translation>Hae tunnisteen id:llä, nimellä tai käyttäjällä</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Estä</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>{count} token</source>
        <translation>{count} tunniste</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} tunnistetta</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Poista esto</translation>
    </message>
    <message>
        <source>Saved token {uid}.</source>
        <translation>Tunniste {uid} tallennettu.</translation>
    </message>
    <message>
        <source>Token {uid} is blocked: refused from now on.</source>
        <translation>Tunniste {uid} on estetty: se hylätään tästä lähtien.</translation>
    </message>
    <message>
        <source>Token {uid} is active again.</source>
        <translation>Tunniste {uid} on taas käytössä.</translation>
    </message>
    <message>
        <source>Delete token</source>
        <translation>Poista tunniste</translation>
    </message>
    <message>
        <source>Delete the token {uid}?</source>
        <translation>Poistetaanko tunniste {uid}?</translation>
    </message>
    <message>
        <source>It is refused from now on; its id can be added again later. Past sessions stay.</source>
        <translation>Se hylätään tästä lähtien; sen id:n voi lisätä myöhemmin uudelleen. Aiemmat lataustapahtumat säilyvät.</translation>
    </message>
    <message>
        <source>Deleted token {uid}.</source>
        <translation>Tunniste {uid} poistettu.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add charging user</source>
        <translation>Lisää latauskäyttäjä</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Lataa uudelleen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Etunimi:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Sukunimi:</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>Sähköpostiosoite:</translation>
    </message>
    <message>
        <source>driver@example.com</source>
        <translation>driver@example.com</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Puhelin:</translation>
    </message>
    <message>
        <source>Home group:</source>
        <translation>Kotiryhmä:</translation>
    </message>
    <message>
        <source>Operators see and manage the charging users homed in their charging group or below it.</source>
        <translation>Operaattorit näkevät ja hallinnoivat latauskäyttäjiä, joiden kotiryhmä on heidän latausryhmänsä tai sen alla.</translation>
    </message>
    <message>
        <source>User group:</source>
        <translation>Käyttäjäryhmä:</translation>
    </message>
    <message>
        <source>Sessions at a time:</source>
        <translation>Tapahtumia kerrallaan:</translation>
    </message>
    <message>
        <source>How many sessions this user may run at once, on any stations. Empty: the user group&apos;s limit, or 1.</source>
        <translation>Kuinka monta tapahtumaa tämä käyttäjä saa ajaa kerralla millä tahansa asemilla. Tyhjä: käyttäjäryhmän raja tai 1.</translation>
    </message>
    <message>
        <source>How many sessions this user may run at once (a fleet account with several cards: one per car). Leave empty to use the user group&apos;s limit, or 1 when the group sets none.</source>
        <translation>Kuinka monta tapahtumaa tämä käyttäjä saa ajaa kerralla (kalustotili usealla kortilla: yksi autoa kohden). Jätä tyhjäksi käyttääksesi käyttäjäryhmän rajaa, tai 1, jos ryhmä ei aseta rajaa.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Syy:</translation>
    </message>
    <message>
        <source>Why the user may not charge</source>
        <translation>Miksi käyttäjä ei saa ladata</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Ajoneuvot</translation>
    </message>
    <message>
        <source>Registration plates of the user&apos;s vehicles.</source>
        <translation>Käyttäjän ajoneuvojen rekisterikilvet.</translation>
    </message>
    <message>
        <source>Registration plate, e.g. ABC-123</source>
        <translation>Rekisterikilpi, esim. ABC-123</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lisää</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Ready by, every day (HH:MM):</source>
        <translation>Valmis päivittäin klo (HH:MM):</translation>
    </message>
    <message>
        <source>e.g. 06:30; empty: none</source>
        <translation>esim. 06:30; tyhjä: ei aikaa</translation>
    </message>
    <message>
        <source>Load management: this user&apos;s vehicle needs its energy by this time of day (site time); it is preferred among sessions of equal priority</source>
        <translation>Kuormanhallinta: tämän käyttäjän ajoneuvo tarvitsee energiansa tähän kellonaikaan mennessä (kohteen aika); se asetetaan etusijalle saman prioriteetin lataustapahtumien kesken</translation>
    </message>
    <message>
        <source>Access rights</source>
        <translation>Käyttöoikeudet</translation>
    </message>
    <message>
        <source>Where the user may charge at stations in private mode. A ticked charging group includes its subgroups and all their stations; or tick single stations.</source>
        <translation>Missä käyttäjä saa ladata yksityistilassa olevilla asemilla. Valittu latausryhmä sisältää aliryhmänsä ja niiden kaikki asemat; tai valitse yksittäisiä asemia.</translation>
    </message>
    <message>
        <source>Charging group / station</source>
        <translation>Latausryhmä / asema</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <source>Token id (RFID uid)</source>
        <translation>Tunnisteen id (RFID-uid)</translation>
    </message>
    <message>
        <source>Name, e.g. Blue key fob</source>
        <translation>Nimi, esim. Sininen avaimenperä</translation>
    </message>
    <message>
        <source>Add token</source>
        <translation>Lisää tunniste</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Estä</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Someone else changed this charging user since you opened it. Reload to see their version (your changes here are lost), then make yours again.</source>
        <translation>Joku muu muutti tätä latauskäyttäjää sen jälkeen, kun avasit sen. Lataa uudelleen nähdäksesi hänen versionsa (tämän ikkunan muutokset menetetään) ja tee omat muutoksesi sitten uudelleen.</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— ei mitään —</translation>
    </message>
    <message>
        <source>A charging user may charge with their tokens. Tokens, vehicles and access rights are saved together with the user.</source>
        <translation>Latauskäyttäjä voi ladata tunnisteillaan. Tunnisteet, ajoneuvot ja käyttöoikeudet tallennetaan käyttäjän mukana.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Lisää käyttäjä</translation>
    </message>
    <message>
        <source>Edit charging user</source>
        <translation>Muokkaa latauskäyttäjää</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>Edit charging user {name}</source>
        <translation>Muokkaa latauskäyttäjää {name}</translation>
    </message>
    <message>
        <source>Changes to tokens are saved at once; the rest when you press Save.</source>
        <translation>Tunnisteiden muutokset tallentuvat heti, muut kun painat Tallenna.</translation>
    </message>
    <message>
        <source>Could not load the user: {error}</source>
        <translation>Käyttäjää ei voitu ladata: {error}</translation>
    </message>
    <message>
        <source>— whole site —</source>
        <translation>— koko sivusto —</translation>
    </message>
    <message>
        <source>another group</source>
        <translation>toinen ryhmä</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name} (ei käytössä)</translation>
    </message>
    <message>
        <source>empty: 1 (no user group)</source>
        <translation>tyhjä: 1 (ei käyttäjäryhmää)</translation>
    </message>
    <message>
        <source>empty: 1 ({group} sets no limit)</source>
        <translation>tyhjä: 1 ({group} ei rajoita)</translation>
    </message>
    <message>
        <source>empty: {limit}, the limit of {group}</source>
        <translation>tyhjä: {limit}, ryhmän {group} raja</translation>
    </message>
    <message>
        <source>Enter how many sessions at a time (1 or more), or leave it empty for the user group&apos;s limit.</source>
        <translation>Anna, montako latausta kerrallaan (1 tai enemmän), tai jätä tyhjäksi käyttääksesi käyttäjäryhmän rajaa.</translation>
    </message>
    <message>
        <source>{name} (includes subgroups)</source>
        <translation>{name} (sisältää aliryhmät)</translation>
    </message>
    <message>
        <source>Everything in this charging group and its subgroups, now and later.</source>
        <translation>Kaikki tässä latausryhmässä ja sen aliryhmissä, nyt ja myöhemmin.</translation>
    </message>
    <message>
        <source>Stations without a group</source>
        <translation>Asemat ilman ryhmää</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Poista esto</translation>
    </message>
    <message>
        <source>Could not change the token: {error}</source>
        <translation>Tunnistetta ei voitu muuttaa: {error}</translation>
    </message>
    <message>
        <source>Delete token</source>
        <translation>Poista tunniste</translation>
    </message>
    <message>
        <source>Delete the token {uid}?</source>
        <translation>Poistetaanko tunniste {uid}?</translation>
    </message>
    <message>
        <source>It is refused from now on; its id can be added again later. Past sessions stay.</source>
        <translation>Se hylätään tästä lähtien; sen id:n voi lisätä myöhemmin uudelleen. Aiemmat lataustapahtumat säilyvät.</translation>
    </message>
    <message>
        <source>The charging user could not be saved ({error}). Try again.</source>
        <translation>Latauskäyttäjää ei voitu tallentaa ({error}). Yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>UserGroupDialog</name>
    <message>
        <source>Add charging user group</source>
        <translation>Lisää latauskäyttäjäryhmä</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Active (members may charge)</source>
        <translation>Aktiivinen (jäsenet saavat ladata)</translation>
    </message>
    <message>
        <source>Sessions at a time:</source>
        <translation>Tapahtumia kerrallaan:</translation>
    </message>
    <message>
        <source>limit to</source>
        <translation>rajoita</translation>
    </message>
    <message>
        <source>per member</source>
        <translation>per jäsen</translation>
    </message>
    <message>
        <source>How many sessions each member may run at once. Unticked: no group limit, so a member may run one. A limit set on a member in the charging user editor wins over this one.</source>
        <translation>Kuinka monta tapahtumaa kukin jäsen saa ajaa kerralla. Valitsematta: ei ryhmän rajaa, joten jäsen saa ajaa yhden. Jäsenelle latauskäyttäjäeditorissa asetettu raja voittaa tämän.</translation>
    </message>
    <message>
        <source>Stop sessions at:</source>
        <translation>Lopeta tapahtumat:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>ei rajaa</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>hinta</translation>
    </message>
    <message>
        <source>evdesk stops a member&apos;s session when it reaches one of these (empty: no limit from the group). The stricter of these and the tariff&apos;s limits applies; a remote start may set its own.</source>
        <translation>evdesk lopettaa jäsenen tapahtuman, kun se saavuttaa jonkin näistä (tyhjä: ei ryhmän rajaa). Näistä ja hinnaston rajoista tiukempi pätee; etäkäynnistys voi asettaa omansa.</translation>
    </message>
    <message>
        <source>Load priority</source>
        <translation>Kuormaprioriteetti</translation>
    </message>
    <message>
        <source>Load management: members&apos; sessions get their share of a circuit before those of groups with a lower priority.</source>
        <translation>Kuormanhallinta: jäsenten lataustapahtumat saavat osuutensa virtapiiristä ennen matalamman prioriteetin ryhmiä.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Edit charging user group {name}</source>
        <translation>Muokkaa käyttäjäryhmää {name}</translation>
    </message>
    <message>
        <source>Stop after a whole number of minutes, e.g. 120.</source>
        <translation>Anna pysäytysaika kokonaisina minuutteina, esim. 120.</translation>
    </message>
    <message>
        <source>Someone else changed this group since you opened it. Close this window and edit again.</source>
        <translation>Joku muu muutti tätä ryhmää sen jälkeen, kun avasit sen. Sulje ikkuna ja muokkaa uudelleen.</translation>
    </message>
    <message>
        <source>Could not save ({error}). Try again.</source>
        <translation>Tallennus ei onnistunut ({error}). Yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>UserGroupsModel</name>
    <message>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <source>No: members are refused</source>
        <translation>Ei: jäsenet hylätään</translation>
    </message>
    <message>
        <source>per user setting</source>
        <translation>käyttäjäkohtainen asetus</translation>
    </message>
</context>
<context>
    <name>UserGroupsPage</name>
    <message>
        <source>Charging user groups</source>
        <translation>Latauskäyttäjäryhmät</translation>
    </message>
    <message>
        <source>Search group name</source>
        <translation>Hae ryhmän nimellä</translation>
    </message>
    <message>
        <source>Add group…</source>
        <translation>Lisää ryhmä…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Only a group without members can be deleted.</source>
        <translation>Vain ryhmän, jossa ei ole jäseniä, voi poistaa.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} tallennettu.</translation>
    </message>
    <message>
        <source>Delete user group</source>
        <translation>Poista käyttäjäryhmä</translation>
    </message>
    <message>
        <source>Delete the group {name}?</source>
        <translation>Poistetaanko ryhmä {name}?</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Poista ryhmä</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} poistettu.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Charging users</source>
        <translation>Latauskäyttäjät</translation>
    </message>
    <message>
        <source>Search name, e-mail or token id</source>
        <translation>Hae nimellä, sähköpostilla tai tunnisteen id:llä</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Lisää käyttäjä…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Poista käytöstä…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Tuo CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>{count} user</source>
        <translation>{count} käyttäjä</translation>
    </message>
    <message>
        <source>{count} users</source>
        <translation>{count} käyttäjää</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Näytä…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Ota käyttöön</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} tallennettu.</translation>
    </message>
    <message>
        <source>Sessions…</source>
        <translation>Lataustapahtumat…</translation>
    </message>
    <message>
        <source>The selected user&apos;s charging sessions</source>
        <translation>Valitun käyttäjän lataustapahtumat</translation>
    </message>
    <message>
        <source>Charging sessions of {name}</source>
        <translation>Käyttäjän {name} lataustapahtumat</translation>
    </message>
    <message>
        <source>Every session of {name} at the stations you see, newest first.</source>
        <translation>Kaikki käyttäjän {name} lataustapahtumat sinulle näkyvillä asemilla, uusin ensin.</translation>
    </message>
    <message>
        <source>Disable charging user</source>
        <translation>Poista latauskäyttäjä käytöstä</translation>
    </message>
    <message>
        <source>Why may {name} no longer charge? (Drivers and colleagues will ask.)</source>
        <translation>Miksi {name} ei enää saa ladata? (Kuljettajat ja kollegat kysyvät.)</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Poista käytöstä</translation>
    </message>
    <message>
        <source>{name} is disabled: their tokens are refused.</source>
        <translation>{name} on poistettu käytöstä: hänen tunnisteensa hylätään.</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} on taas käytössä.</translation>
    </message>
    <message>
        <source>Remove charging user</source>
        <translation>Poista latauskäyttäjä</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>Poistetaanko {name}?</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Poista käyttäjä</translation>
    </message>
    <message>
        <source>Their {count} token(s) are deleted with them and refused from now on. Their past sessions stay in the history.</source>
        <translation>Käyttäjän tunnisteet ({count}) poistetaan hänen mukanaan ja hylätään tästä lähtien. Aiemmat lataustapahtumat säilyvät historiassa.</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} poistettu.</translation>
    </message>
    <message>
        <source>Import charging users</source>
        <translation>Tuo latauskäyttäjiä</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-tiedostot (*.csv);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>Export charging users</source>
        <translation>Vie latauskäyttäjät</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Viedään…</translation>
    </message>
    <message>
        <source>Exported {count} charging users to {path}.</source>
        <translation>{count} latauskäyttäjää viety tiedostoon {path}.</translation>
    </message>
</context>
<context>
    <name>WindowRow</name>
    <message>
        <source>from</source>
        <translation>alkaen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>asti</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>until midnight</source>
        <translation>keskiyöhön asti</translation>
    </message>
    <message>
        <source>ends the next day</source>
        <translation>päättyy seuraavana päivänä</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>today</source>
        <translation>tänään</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ei koskaan</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>{n} s sitten</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n} min sitten</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>{n} h sitten</translation>
    </message>
    <message>
        <source>{n} d ago</source>
        <translation>{n} pv sitten</translation>
    </message>
</context>
</TS>
