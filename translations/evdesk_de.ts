<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccessProfileDialog</name>
    <message>
        <source>Add access profile</source>
        <translation>Zugangsprofil hinzufügen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>e.g. Night shift</source>
        <translation>z. B. Nachtschicht</translation>
    </message>
    <message>
        <source>Tariff:</source>
        <translation>Tarif:</translation>
    </message>
    <message>
        <source>When members may charge (in the station&apos;s time zone)</source>
        <translation>Wann Mitglieder laden dürfen (in der Zeitzone der Station)</translation>
    </message>
    <message>
        <source>An end at or before the start runs past midnight into the next day (22:00 to 06:00). 23:59 means until midnight.</source>
        <translation>Ein Ende vor oder gleich dem Beginn reicht über Mitternacht in den nächsten Tag (22:00 bis 06:00). 23:59 heißt bis Mitternacht.</translation>
    </message>
    <message>
        <source>Add time window</source>
        <translation>Zeitfenster hinzufügen</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Charging users</source>
        <translation>Ladenutzer</translation>
    </message>
    <message>
        <source>Search name or e-mail</source>
        <translation>Name oder E-Mail suchen</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Nutzergruppen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Ladekarten</translation>
    </message>
    <message>
        <source>Search token id or name</source>
        <translation>Kartennummer oder Name suchen</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Noch keine Mitglieder</translation>
    </message>
    <message>
        <source>Stations and charging groups it covers</source>
        <translation>Stationen und Ladegruppen, für die es gilt</translation>
    </message>
    <message>
        <source>Station or group</source>
        <translation>Station oder Gruppe</translation>
    </message>
    <message>
        <source>Covers no station yet</source>
        <translation>Gilt noch für keine Station</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Access profile {name}</source>
        <translation>Zugangsprofil {name}</translation>
    </message>
    <message>
        <source>Edit access profile {name}</source>
        <translation>Zugangsprofil {name} bearbeiten</translation>
    </message>
    <message>
        <source>As the tariff groups decide</source>
        <translation>Wie die Tarifgruppen festlegen</translation>
    </message>
    <message>
        <source>A removed tariff (the tariff groups decide)</source>
        <translation>Ein gelöschter Tarif (die Tarifgruppen entscheiden)</translation>
    </message>
    <message>
        <source>A ticked group covers its subgroups and all their stations.</source>
        <translation>Eine angehakte Gruppe umfasst ihre Untergruppen und alle deren Stationen.</translation>
    </message>
    <message>
        <source>Stations without a group</source>
        <translation>Stationen ohne Gruppe</translation>
    </message>
    <message>
        <source>Covered by the ticked group {name}.</source>
        <translation>Durch die angehakte Gruppe {name} abgedeckt.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>(removed, or outside your domain)</source>
        <translation>(gelöscht oder außerhalb Ihres Bereichs)</translation>
    </message>
    <message>
        <source>{members} selected</source>
        <translation>Ausgewählt: {members}</translation>
    </message>
    <message>
        <source>No members yet: the profile restricts nobody until you tick some.</source>
        <translation>Noch keine Mitglieder: Das Profil schränkt niemanden ein, bis Sie welche anhaken.</translation>
    </message>
    <message>
        <source>Covers {places}</source>
        <translation>Umfasst: {places}</translation>
    </message>
    <message>
        <source>Covers no station yet: tick the charging groups or stations where it applies.</source>
        <translation>Umfasst noch keine Station: Haken Sie die Ladegruppen oder Stationen an, für die es gilt.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Someone else changed this profile since you opened it. Close this window and edit again.</source>
        <translation>Jemand anderes hat dieses Profil geändert, seit Sie es geöffnet haben. Schließen Sie das Fenster und bearbeiten Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>AccessProfilesModel</name>
    <message>
        <source>no members</source>
        <translation>keine Mitglieder</translation>
    </message>
    <message>
        <source>no station</source>
        <translation>keine Station</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>as the tariff groups decide</source>
        <translation>wie die Tarifgruppen festlegen</translation>
    </message>
    <message>
        <source>a removed tariff (the tariff groups decide)</source>
        <translation>ein gelöschter Tarif (die Tarifgruppen entscheiden)</translation>
    </message>
</context>
<context>
    <name>AccessProfilesPage</name>
    <message>
        <source>Access profiles</source>
        <translation>Zugangsprofile</translation>
    </message>
    <message>
        <source>Search profile name</source>
        <translation>Profilname suchen</translation>
    </message>
    <message>
        <source>Who may charge where, and when. A member (charging user, user group or token) of a profile covering a station charges there only inside one of its time windows; on private stations the profile also admits its members. Times are in the station&apos;s time zone.</source>
        <translation>Wer wo und wann laden darf. Ein Mitglied (Ladenutzer, Nutzergruppe oder Ladekarte) eines Profils, das für eine Station gilt, lädt dort nur innerhalb eines seiner Zeitfenster; an privaten Stationen lässt das Profil seine Mitglieder auch zu. Zeiten gelten in der Zeitzone der Station.</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Profil hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>No access profiles: every token is decided by its own rights alone.</source>
        <translation>Keine Zugangsprofile: Über jede Ladekarte entscheiden allein ihre eigenen Rechte.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
    <message>
        <source>Delete access profile</source>
        <translation>Zugangsprofil löschen</translation>
    </message>
    <message>
        <source>Delete the access profile {name}?</source>
        <translation>Zugangsprofil {name} löschen?</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Its members are then decided by their own access rights alone, at any hour.</source>
        <translation>Über seine Mitglieder entscheiden dann allein ihre eigenen Zugangsrechte, zu jeder Uhrzeit.</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} gelöscht.</translation>
    </message>
</context>
<context>
    <name>ApiKeyDialog</name>
    <message>
        <source>Create API key</source>
        <translation>API-Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>what the key is for, e.g. fleet dashboard</source>
        <translation>wofür der Schlüssel ist, z. B. Flotten-Dashboard</translation>
    </message>
    <message>
        <source>Copy this key now: it will not be shown again. evdesk keeps only its hash.</source>
        <translation>Kopieren Sie den Schlüssel jetzt: Er wird nicht noch einmal angezeigt. evdesk speichert nur seinen Hash.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ApiKeysPage</name>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Keys for the automation API. A key acts as its operator, with that operator&apos;s role and base group.</source>
        <translation>Schlüssel für die Automatisierungs-API. Ein Schlüssel handelt als sein Operator, mit dessen Rolle und Basisgruppe.</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Erstellen…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>AssignmentsPanel</name>
    <message>
        <source>Charging group {name}</source>
        <translation>Ladegruppe {name}</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>Station {name}</source>
        <translation>Station {name}</translation>
    </message>
    <message>
        <source>connector {id}</source>
        <translation>Anschluss {id}</translation>
    </message>
    <message>
        <source>its stations and every subgroup&apos;s, unless they have their own</source>
        <translation>ihre Stationen und die jeder Untergruppe, sofern sie keine eigene haben</translation>
    </message>
    <message>
        <source>every connector of the station, unless it has its own</source>
        <translation>jeden Anschluss der Station, sofern er keine eigene hat</translation>
    </message>
    <message>
        <source>this connector</source>
        <translation>diesen Anschluss</translation>
    </message>
    <message>
        <source>Save the group first; then assign it here.</source>
        <translation>Speichern Sie zuerst die Gruppe; weisen Sie sie dann hier zu.</translation>
    </message>
    <message>
        <source>Only administrators assign tariff groups.</source>
        <translation>Nur Administratoren weisen Tarifgruppen zu.</translation>
    </message>
    <message>
        <source>Saved at once. A place has one tariff group: assigning this one replaces the one it had. Sessions that already started keep their prices.</source>
        <translation>Wird sofort gespeichert. Ein Ort hat eine Tarifgruppe: Diese zuzuweisen ersetzt die bisherige. Bereits begonnene Ladevorgänge behalten ihre Preise.</translation>
    </message>
    <message>
        <source>Failed ({error}). Try again.</source>
        <translation>Fehlgeschlagen ({error}). Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>AuthorizationsPage</name>
    <message>
        <source>Authorizations</source>
        <translation>Autorisierungen</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Search tag, user or reason</source>
        <translation>Karte, Nutzer oder Grund suchen</translation>
    </message>
    <message>
        <source>Register this tag…</source>
        <translation>Diese Karte registrieren…</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Chargers on security profile 2 or 3 connect over wss:// (TLS 1.2 or newer) and check evdesk&apos;s server certificate against the site CA: give them the CA (Export CA). On profile 3 each charger also shows a certificate from the site CA whose name is its identity.</source>
        <translation>Ladestationen mit Sicherheitsprofil 2 oder 3 verbinden sich über wss:// (TLS 1.2 oder neuer) und prüfen das Serverzertifikat von evdesk gegen die Standort-CA: Geben Sie ihnen die CA (CA exportieren). Bei Profil 3 zeigt jede Ladestation außerdem ein Zertifikat der Standort-CA, dessen Name ihre Identität ist.</translation>
    </message>
    <message>
        <source>How chargers connect</source>
        <translation>Wie sich Ladestationen verbinden</translation>
    </message>
    <message>
        <source>Listener:</source>
        <translation>Listener:</translation>
    </message>
    <message>
        <source>Plain ws:// only</source>
        <translation>Nur unverschlüsselt ws://</translation>
    </message>
    <message>
        <source>TLS wss:// only</source>
        <translation>Nur TLS wss://</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>TLS port:</source>
        <translation>TLS-Port:</translation>
    </message>
    <message>
        <source>Warn before expiry:</source>
        <translation>Warnen vor Ablauf:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The listener changes when evdesk starts next.</source>
        <translation>Der Listener ändert sich beim nächsten Start von evdesk.</translation>
    </message>
    <message>
        <source>Site CA (give it to the chargers)</source>
        <translation>Standort-CA (für die Ladestationen)</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Server certificate (what evdesk shows chargers)</source>
        <translation>Serverzertifikat (das evdesk den Ladestationen zeigt)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Names (SAN):</source>
        <translation>Namen (SAN):</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Make the site CA (if there is none) and a server certificate with this computer&apos;s names and addresses</source>
        <translation>Standort-CA (falls keine existiert) und ein Serverzertifikat mit den Namen und Adressen dieses Computers erzeugen</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Erneuern</translation>
    </message>
    <message>
        <source>A new server certificate from the site CA; chargers that trust the CA notice nothing</source>
        <translation>Ein neues Serverzertifikat von der Standort-CA; Ladestationen, die der CA vertrauen, merken nichts</translation>
    </message>
    <message>
        <source>Use own certificate…</source>
        <translation>Eigenes Zertifikat verwenden…</translation>
    </message>
    <message>
        <source>A certificate, its key and its CA chain given by the site</source>
        <translation>Ein vom Standort gegebenes Zertifikat mit Schlüssel und CA-Kette</translation>
    </message>
    <message>
        <source>Export CA (PEM)…</source>
        <translation>CA exportieren (PEM)…</translation>
    </message>
    <message>
        <source>Export CA (DER)…</source>
        <translation>CA exportieren (DER)…</translation>
    </message>
    <message>
        <source>Generated by evdesk from the site CA</source>
        <translation>Von evdesk aus der Standort-CA erzeugt</translation>
    </message>
    <message>
        <source>The site&apos;s own certificate</source>
        <translation>Das eigene Zertifikat des Standorts</translation>
    </message>
    <message>
        <source>None yet: press Generate, or Use own certificate…</source>
        <translation>Noch keines: klicken Sie auf Erzeugen oder Eigenes Zertifikat verwenden…</translation>
    </message>
    <message>
        <source>New certificates made; chargers on TLS get them at their next connection.</source>
        <translation>Neue Zertifikate erzeugt; Ladestationen mit TLS erhalten sie bei ihrer nächsten Verbindung.</translation>
    </message>
    <message>
        <source>The server certificate was renewed from the site CA.</source>
        <translation>Das Serverzertifikat wurde aus der Standort-CA erneuert.</translation>
    </message>
    <message>
        <source>CA of the site&apos;s certificate (give it to the chargers)</source>
        <translation>CA des Standortzertifikats (an die Ladestationen geben)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is in place; chargers on TLS get it at their next connection.</source>
        <translation>Das Zertifikat des Standorts ist eingerichtet; Ladestationen mit TLS erhalten es bei ihrer nächsten Verbindung.</translation>
    </message>
    <message>
        <source>The CA certificate was written to {path} ({format}).</source>
        <translation>Das CA-Zertifikat wurde nach {path} geschrieben ({format}).</translation>
    </message>
    <message>
        <source>Saved. The OCPP server listens as chosen now; stations on a listener that closed reconnect on the other.</source>
        <translation>Gespeichert. Der OCPP-Server lauscht jetzt wie gewählt; Stationen an einem geschlossenen Listener verbinden sich neu mit dem anderen.</translation>
    </message>
</context>
<context>
    <name>ChargingProfileDialog</name>
    <message>
        <source>Set charging profile</source>
        <translation>Ladeprofil setzen</translation>
    </message>
    <message>
        <source>Install a charging profile: the limits the station keeps to over time. Stations use the profile with the highest stack level that applies.</source>
        <translation>Ein Ladeprofil installieren: die Grenzen, an die sich die Station im Lauf der Zeit hält. Stationen verwenden das zutreffende Profil mit der höchsten Stack-Ebene.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Connector:</source>
        <translation>Anschluss:</translation>
    </message>
    <message>
        <source>color: #c62828;</source>
        <translation>color: #c62828;</translation>
    </message>
    <message>
        <source>Profile id:</source>
        <translation>Profil-ID:</translation>
    </message>
    <message>
        <source>Stack level:</source>
        <translation>Stack-Ebene:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Zweck:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Recurrency:</source>
        <translation>Wiederholung:</translation>
    </message>
    <message>
        <source>Schedule starts:</source>
        <translation>Zeitplan beginnt:</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Valid to:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Duration (min):</source>
        <translation>Dauer (min):</translation>
    </message>
    <message>
        <source>not set (open-ended)</source>
        <translation>nicht gesetzt (unbefristet)</translation>
    </message>
    <message>
        <source>Limits in:</source>
        <translation>Grenzen in:</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Perioden</translation>
    </message>
    <message>
        <source>Add period</source>
        <translation>Periode hinzufügen</translation>
    </message>
    <message>
        <source>Remove period</source>
        <translation>Periode entfernen</translation>
    </message>
    <message>
        <source>Reason (kept in the action log with your name):</source>
        <translation>Grund (mit Ihrem Namen im Aktionsprotokoll gespeichert):</translation>
    </message>
</context>
<context>
    <name>CircuitMembers</name>
    <message>
        <source>Stations on this circuit</source>
        <translation>Stationen an diesem Stromkreis</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Points: phases, wiring</source>
        <translation>Punkte: Phasen, Verdrahtung</translation>
    </message>
    <message>
        <source>Max (A)</source>
        <translation>Max. (A)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>The station to put on this circuit (a station is on one circuit at most)</source>
        <translation>Die Station, die an diesen Stromkreis kommt (eine Station gehört zu höchstens einem Stromkreis)</translation>
    </message>
    <message>
        <source>Max (A):</source>
        <translation>Max. (A):</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <source>0 normal … 9 first: higher stations get their share before the others</source>
        <translation>0 normal … 9 zuerst: höhere Stationen erhalten ihren Anteil vor den anderen</translation>
    </message>
    <message>
        <source>Put on circuit</source>
        <translation>An Stromkreis anschließen</translation>
    </message>
    <message>
        <source>Take off circuit</source>
        <translation>Vom Stromkreis nehmen</translation>
    </message>
    <message>
        <source>Limits by time of day</source>
        <translation>Grenzen nach Tageszeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Limit (A)</source>
        <translation>Grenze (A)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <source>Limit (A):</source>
        <translation>Grenze (A):</translation>
    </message>
    <message>
        <source>Add limit</source>
        <translation>Grenze hinzufügen</translation>
    </message>
    <message>
        <source>Delete limit</source>
        <translation>Grenze löschen</translation>
    </message>
    <message>
        <source>In the site&apos;s time zone; a window may run past midnight (22:00 to 06:00). Where windows overlap the lowest limit holds; outside them the circuit&apos;s max.</source>
        <translation>In der Zeitzone des Standorts; ein Zeitfenster darf über Mitternacht laufen (22:00 bis 06:00). Wo sich Fenster überschneiden, gilt die niedrigste Grenze; außerhalb das Maximum des Stromkreises.</translation>
    </message>
</context>
<context>
    <name>CircuitsPage</name>
    <message>
        <source>Circuits</source>
        <translation>Stromkreise</translation>
    </message>
    <message>
        <source>Load management shares each circuit&apos;s current between the sessions on it: never above the fuse, the minimum per charging point first, the rest by priority. The tree is the site&apos;s supply: the grid connection, its distributions, their circuits.</source>
        <translation>Das Lastmanagement teilt den Strom jedes Stromkreises auf die Ladevorgänge daran auf: nie über der Absicherung, zuerst das Minimum je Ladepunkt, der Rest nach Priorität. Der Baum zeigt die Versorgung des Standorts: den Netzanschluss, seine Verteilungen und deren Stromkreise.</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Stromkreis</translation>
    </message>
    <message>
        <source>Max per phase</source>
        <translation>Max. je Phase</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stationen</translation>
    </message>
    <message>
        <source>Add circuit</source>
        <translation>Stromkreis hinzufügen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Fed from:</source>
        <translation>Gespeist von:</translation>
    </message>
    <message>
        <source>Phases:</source>
        <translation>Phasen:</translation>
    </message>
    <message>
        <source>Max current per phase (A):</source>
        <translation>Max. Strom je Phase (A):</translation>
    </message>
    <message>
        <source>Reserved for other loads (A):</source>
        <translation>Für andere Lasten reserviert (A):</translation>
    </message>
    <message>
        <source>Min current per charging point (A):</source>
        <translation>Min. Strom je Ladepunkt (A):</translation>
    </message>
    <message>
        <source>empty: no minimum</source>
        <translation>leer: kein Minimum</translation>
    </message>
    <message>
        <source>Save circuit</source>
        <translation>Stromkreis speichern</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>Allowed (A)</source>
        <translation>Erlaubt (A)</translation>
    </message>
    <message>
        <source>Drawn (A)</source>
        <translation>Bezogen (A)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>— none: this is the grid connection —</source>
        <translation>— keiner: dies ist der Netzanschluss —</translation>
    </message>
    <message>
        <source>Three-phase</source>
        <translation>Dreiphasig</translation>
    </message>
    <message>
        <source>Single-phase</source>
        <translation>Einphasig</translation>
    </message>
    <message>
        <source>Current per phase (A)</source>
        <translation>Strom je Phase (A)</translation>
    </message>
    <message>
        <source>Circuit {name}</source>
        <translation>Stromkreis {name}</translation>
    </message>
    <message>
        <source>New circuit</source>
        <translation>Neuer Stromkreis</translation>
    </message>
    <message>
        <source>Circuit {name} saved.</source>
        <translation>Stromkreis {name} gespeichert.</translation>
    </message>
    <message>
        <source>Delete circuit</source>
        <translation>Stromkreis löschen</translation>
    </message>
    <message>
        <source>Delete circuit {name}? Its stations leave load management and keep their fallback limit.</source>
        <translation>Stromkreis {name} löschen? Seine Stationen verlassen das Lastmanagement und behalten ihre Ersatzgrenze.</translation>
    </message>
    <message>
        <source>Choose a circuit to see its current.</source>
        <translation>Wählen Sie einen Stromkreis, um seinen Strom zu sehen.</translation>
    </message>
    <message>
        <source>{name}: limit {limit} A per phase. No allocation yet (load management re-allocates when a session starts or ends, and every minute).</source>
        <translation>{name}: Grenze {limit} A je Phase. Noch keine Zuteilung (das Lastmanagement teilt neu zu, wenn ein Ladevorgang beginnt oder endet, und jede Minute).</translation>
    </message>
    <message>
        <source>{name}: limit {limit} A per phase; {sessions} sessions{waiting}; the busiest phase draws {share} of the limit.</source>
        <translation>{name}: Grenze {limit} A je Phase; {sessions} Ladevorgänge{waiting}; die am stärksten belastete Phase bezieht {share} der Grenze.</translation>
    </message>
    <message>
        <source>, {count} waiting for room</source>
        <translation>, {count} warten auf Kapazität</translation>
    </message>
    <message>
        <source>waits: no room above the minimum</source>
        <translation>wartet: kein Platz über dem Minimum</translation>
    </message>
    <message>
        <source>limit not applied!</source>
        <translation>Grenze nicht eingehalten!</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>lädt</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Ladekarte</translation>
    </message>
    <message>
        <source>Charging user</source>
        <translation>Ladenutzer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Start (min)</source>
        <translation>Beginn (min)</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Charging group / station</source>
        <translation>Ladegruppe / Station</translation>
    </message>
    <message>
        <source>Charging points</source>
        <translation>Ladepunkte</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Charging point</source>
        <translation>Ladepunkt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error type</source>
        <translation>Fehlertyp</translation>
    </message>
    <message>
        <source>Date &amp; time</source>
        <translation>Datum &amp; Zeit</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Charging group</source>
        <translation>Ladegruppe</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>Hochgeladen von</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stationen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Koordinaten</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Managed by</source>
        <translation>Verwaltet von</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitverhalten</translation>
    </message>
    <message>
        <source>Auto-recovery</source>
        <translation>Auto-Wiederherstellung</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Mail server&apos;s answer</source>
        <translation>Antwort des Mailservers</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Base group</source>
        <translation>Basisgruppe</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Detail status</source>
        <translation>Detailstatus</translation>
    </message>
    <message>
        <source>Unavailable since</source>
        <translation>Nicht verfügbar seit</translation>
    </message>
    <message>
        <source>Error rate (30 days)</source>
        <translation>Fehlerquote (30 Tage)</translation>
    </message>
    <message>
        <source>Sessions (30 days)</source>
        <translation>Ladevorgänge (30 Tage)</translation>
    </message>
    <message>
        <source>Failed sessions (30 days)</source>
        <translation>Fehlgeschlagene Ladevorgänge (30 Tage)</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Letzter Ladevorgang</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Task name</source>
        <translation>Name der Aufgabe</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Nutzergruppe</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>Energie (kWh)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation>Stoppgrund</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Marken</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Fetched at</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Compared station</source>
        <translation>Vergleichsstation</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Anschlüsse</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>System status</source>
        <translation>Systemstatus</translation>
    </message>
    <message>
        <source>Connector status</source>
        <translation>Anschlussstatus</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Tariff groups</source>
        <translation>Tarifgruppen</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugeordnet zu</translation>
    </message>
    <message>
        <source>Token id</source>
        <translation>Karten-ID</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Parent token</source>
        <translation>Übergeordnete Karte</translation>
    </message>
    <message>
        <source>Sessions at a time</source>
        <translation>Ladevorgänge gleichzeitig</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Ladekarten</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Fahrzeuge</translation>
    </message>
    <message>
        <source>Charging stations</source>
        <translation>Ladestationen</translation>
    </message>
    <message>
        <source>Charging users</source>
        <translation>Ladenutzer</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>Charging groups</source>
        <translation>Ladegruppen</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>EVSE</source>
        <translation>EVSE</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Can be set</source>
        <translation>Änderbar</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Values that lost</source>
        <translation>Verworfene Werte</translation>
    </message>
</context>
<context>
    <name>CommLogModel</name>
    <message>
        <source>→ to station</source>
        <translation>→ an Station</translation>
    </message>
    <message>
        <source>← from station</source>
        <translation>← von Station</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Reason (required, kept in the action log):</source>
        <translation>Grund (Pflicht, im Aktionsprotokoll gespeichert):</translation>
    </message>
    <message>
        <source>Why is this command sent? e.g. &quot;Driver called: cable stuck&quot;</source>
        <translation>Warum wird der Befehl gesendet? z. B. &quot;Fahrer rief an: Kabel steckt fest&quot;</translation>
    </message>
    <message>
        <source>The OCPP server is not running in this program, so commands cannot be sent.</source>
        <translation>Der OCPP-Server läuft nicht in diesem Programm, daher können keine Befehle gesendet werden.</translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the action log with your name.</source>
        <translation>Geben Sie einen Grund an: Er wird mit Ihrem Namen im Aktionsprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>Waiting for the station…</source>
        <translation>Warten auf die Station…</translation>
    </message>
    <message>
        <source>What the station will allow from {start}, all its profiles combined ({periods}, in {unit}).</source>
        <translation>Was die Station ab {start} zulässt, alle Profile zusammen ({periods}, in {unit}).</translation>
    </message>
    <message>
        <source>What the station will allow, all its profiles combined ({periods}, in {unit}).</source>
        <translation>Was die Station zulässt, alle Profile zusammen ({periods}, in {unit}).</translation>
    </message>
    <message>
        <source>{count} period</source>
        <translation>{count} Abschnitt</translation>
    </message>
    <message>
        <source>{count} periods</source>
        <translation>{count} Abschnitte</translation>
    </message>
    <message>
        <source>The station sent no schedule.</source>
        <translation>Die Station hat keinen Zeitplan gesendet.</translation>
    </message>
    <message>
        <source>Not sent: correct the marked field.</source>
        <translation>Nicht gesendet: Korrigieren Sie das markierte Feld.</translation>
    </message>
    <message>
        <source>Remote command execution failed: {error}. Try again; if it keeps failing, check the communication log.</source>
        <translation>Die Ausführung des Fernbefehls ist fehlgeschlagen: {error}. Versuchen Sie es erneut; wenn es weiter fehlschlägt, prüfen Sie das Kommunikationsprotokoll.</translation>
    </message>
</context>
<context>
    <name>CommandParams</name>
    <message>
        <source>Ask the station to start a session for an id tag (the driver still plugs in). Choose which tariff applies and, if you like, when evdesk stops the session.</source>
        <translation>Die Station bitten, einen Ladevorgang für ein ID-Tag zu starten (der Fahrer steckt trotzdem an). Wählen Sie den Tarif und, wenn Sie möchten, wann evdesk den Ladevorgang beendet.</translation>
    </message>
    <message>
        <source>Start charging</source>
        <translation>Laden starten</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>Id tag</source>
        <translation>ID-Tag</translation>
    </message>
    <message>
        <source>The token the session is charged to, e.g. 04A2B3C4D5.</source>
        <translation>Die Ladekarte, der der Ladevorgang berechnet wird, z. B. 04A2B3C4D5.</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>As the tariff groups decide: the access profile&apos;s or the station&apos;s tariff. Free: no charge.</source>
        <translation>Wie die Tarifgruppen festlegen: der Tarif des Zugangsprofils oder der Station. Kostenlos: keine Berechnung.</translation>
    </message>
    <message>
        <source>Stop after (minutes)</source>
        <translation>Beenden nach (Minuten)</translation>
    </message>
    <message>
        <source>evdesk asks the station to stop the session after this long.</source>
        <translation>evdesk bittet die Station, den Ladevorgang nach dieser Zeit zu beenden.</translation>
    </message>
    <message>
        <source>Stop at energy (kWh)</source>
        <translation>Beenden bei Energie (kWh)</translation>
    </message>
    <message>
        <source>e.g. 20 or 12.5</source>
        <translation>z. B. 20 oder 12.5</translation>
    </message>
    <message>
        <source>Stop at cost ({currency})</source>
        <translation>Beenden bei Kosten ({currency})</translation>
    </message>
    <message>
        <source>e.g. 9.50</source>
        <translation>z. B. 9.50</translation>
    </message>
    <message>
        <source>Ask the station to end a running session.</source>
        <translation>Die Station bitten, einen laufenden Ladevorgang zu beenden.</translation>
    </message>
    <message>
        <source>Stop charging</source>
        <translation>Laden beenden</translation>
    </message>
    <message>
        <source>Session (transaction id)</source>
        <translation>Ladevorgang (Transaktions-ID)</translation>
    </message>
    <message>
        <source>Unlock a connector so a stuck cable can be removed. A running session on it may end.</source>
        <translation>Einen Anschluss entriegeln, damit ein festsitzendes Kabel gelöst werden kann. Ein laufender Ladevorgang daran kann enden.</translation>
    </message>
    <message>
        <source>Release cable</source>
        <translation>Kabel freigeben</translation>
    </message>
    <message>
        <source>Hold a connector for one id tag until the expiry time.</source>
        <translation>Einen Anschluss bis zum Ablaufzeitpunkt für ein ID-Tag freihalten.</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reservieren</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Läuft ab um</translation>
    </message>
    <message>
        <source>Parent id tag</source>
        <translation>Übergeordnetes ID-Tag</translation>
    </message>
    <message>
        <source>Cancel a reservation by its number.</source>
        <translation>Eine Reservierung anhand ihrer Nummer stornieren.</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>Reservierung stornieren</translation>
    </message>
    <message>
        <source>Reservation id</source>
        <translation>Reservierungs-ID</translation>
    </message>
    <message>
        <source>Soft reset restarts the station&apos;s software; hard reset restarts the whole station. Running sessions are stopped.</source>
        <translation>Ein Soft-Reset startet die Software der Station neu, ein Hard-Reset die ganze Station. Laufende Ladevorgänge werden beendet.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Soft reset (restart the application)</source>
        <translation>Soft-Reset (Anwendung neu starten)</translation>
    </message>
    <message>
        <source>Hard reset (restart the station)</source>
        <translation>Hard-Reset (Station neu starten)</translation>
    </message>
    <message>
        <source>Enable or disable charging on one connector or the whole station.</source>
        <translation>Laden an einem Anschluss oder an der ganzen Station erlauben oder sperren.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Set to</source>
        <translation>Setzen auf</translation>
    </message>
    <message>
        <source>Available (operative)</source>
        <translation>Verfügbar (operative)</translation>
    </message>
    <message>
        <source>Unavailable (inoperative)</source>
        <translation>Nicht verfügbar (inoperative)</translation>
    </message>
    <message>
        <source>Clear the station&apos;s cache of recently accepted RFID tags.</source>
        <translation>Den Zwischenspeicher der Station mit kürzlich akzeptierten RFID-Tags leeren.</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <source>Ask the station to send a message now.</source>
        <translation>Die Station bitten, jetzt eine Nachricht zu senden.</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslösen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Read configuration keys from the station (all keys when none are given); the Configuration tab shows them.</source>
        <translation>Konfigurationsschlüssel von der Station lesen (alle, wenn keine angegeben sind); der Reiter Konfiguration zeigt sie.</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Comma-separated; empty = all keys.</source>
        <translation>Durch Kommas getrennt; leer = alle Schlüssel.</translation>
    </message>
    <message>
        <source>Set one configuration key. Invalid values can make a station malfunction.</source>
        <translation>Einen Konfigurationsschlüssel setzen. Ungültige Werte können eine Station stören.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Replace (Full) or update (Differential) the id tags the station accepts offline.</source>
        <translation>Die ID-Tags, die die Station offline akzeptiert, ersetzen (Full) oder aktualisieren (Differential).</translation>
    </message>
    <message>
        <source>List version</source>
        <translation>Listenversion</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>Entries (JSON list)</source>
        <translation>Einträge (JSON-Liste)</translation>
    </message>
    <message>
        <source>Ask which version of the local authorization list the station holds.</source>
        <translation>Fragen, welche Version der lokalen Autorisierungsliste die Station hat.</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Send a vendor-specific message.</source>
        <translation>Eine herstellerspezifische Nachricht senden.</translation>
    </message>
    <message>
        <source>Vendor id</source>
        <translation>Hersteller-ID</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Install a charging profile (the station panel opens its editor: fields, periods and a chart).</source>
        <translation>Ein Ladeprofil installieren (die Stationsansicht öffnet seinen Editor: Felder, Abschnitte und ein Diagramm).</translation>
    </message>
    <message>
        <source>Profile (JSON)</source>
        <translation>Profil (JSON)</translation>
    </message>
    <message>
        <source>Remove charging profiles; every field left unset matches all.</source>
        <translation>Ladeprofile entfernen; jedes leer gelassene Feld passt auf alle.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation>Profil-ID</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Any purpose</source>
        <translation>Beliebiger Zweck</translation>
    </message>
    <message>
        <source>Stack level</source>
        <translation>Stapelebene</translation>
    </message>
    <message>
        <source>Ask the station what it will draw over the coming period, all profiles combined.</source>
        <translation>Die Station fragen, was sie im kommenden Zeitraum bezieht, alle Profile zusammen.</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Dauer (s)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Station&apos;s choice</source>
        <translation>Wahl der Station</translation>
    </message>
    <message>
        <source>Ampere (A)</source>
        <translation>Ampere (A)</translation>
    </message>
    <message>
        <source>Watt (W)</source>
        <translation>Watt (W)</translation>
    </message>
    <message>
        <source>The station downloads firmware from the location and installs it after the retrieve time.</source>
        <translation>Die Station lädt die Firmware von der Adresse herunter und installiert sie nach dem Abrufzeitpunkt.</translation>
    </message>
    <message>
        <source>Schedule update</source>
        <translation>Update planen</translation>
    </message>
    <message>
        <source>Location (URL)</source>
        <translation>Adresse (URL)</translation>
    </message>
    <message>
        <source>e.g. ftp://files.example.com/fw/evb200-1.9.0.bin</source>
        <translation>z. B. ftp://files.example.com/fw/evb200-1.9.0.bin</translation>
    </message>
    <message>
        <source>Retrieve after</source>
        <translation>Abrufen nach</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Retry interval (s)</source>
        <translation>Wiederholungsintervall (s)</translation>
    </message>
    <message>
        <source>The station uploads a diagnostics file to the location; progress shows in the network log.</source>
        <translation>Die Station lädt eine Diagnosedatei an die Adresse hoch; der Fortschritt erscheint im Netzwerkprotokoll.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfordern</translation>
    </message>
    <message>
        <source>Upload location (URL)</source>
        <translation>Upload-Adresse (URL)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>Ask the station for a certificate signing request; it waits under Settings → Certificates for an admin (or is signed at once for adopted stations when the site says so).</source>
        <translation>Fordert von der Station eine Zertifikatsignierungsanforderung an; sie wartet unter Einstellungen → Zertifikate auf einen Administrator (oder wird bei übernommenen Stationen sofort signiert, wenn der Standort es so festlegt).</translation>
    </message>
    <message>
        <source>Diagnostics log</source>
        <translation>Diagnoseprotokoll</translation>
    </message>
    <message>
        <source>Ask which root certificates of a kind the station holds (each with the hash data that deletes it).</source>
        <translation>Fragt, welche Stammzertifikate einer Art die Station hat (jedes mit den Hash-Daten, mit denen es gelöscht wird).</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Give the station the site&apos;s CA certificate as its central system root, so that it trusts evdesk&apos;s wss:// certificate (security profiles 2 and 3).</source>
        <translation>Gibt der Station das CA-Zertifikat des Standorts als Zentralsystem-Stammzertifikat, damit sie dem wss://-Zertifikat von evdesk vertraut (Sicherheitsprofile 2 und 3).</translation>
    </message>
    <message>
        <source>Central system root</source>
        <translation>Zentralsystem-Stammzertifikat</translation>
    </message>
    <message>
        <source>The station uploads its diagnostics or security log to the location; progress shows in the network log.</source>
        <translation>Die Station lädt ihr Diagnose- oder Sicherheitsprotokoll an den Ort hoch; der Fortschritt erscheint im Netzwerkprotokoll.</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Remove a root certificate from the station, named by the hash data &quot;Installed certificates&quot; reported.</source>
        <translation>Entfernt ein Stammzertifikat von der Station, benannt durch die Hash-Daten, die „Installierte Zertifikate“ gemeldet hat.</translation>
    </message>
    <message>
        <source>Hash data (JSON)</source>
        <translation>Hash-Daten (JSON)</translation>
    </message>
    <message>
        <source>e.g. https://files.example.com/fw/evb200-2.0.0.bin</source>
        <translation>z. B. https://files.example.com/fw/evb200-2.0.0.bin</translation>
    </message>
    <message>
        <source>Security log</source>
        <translation>Sicherheitsprotokoll</translation>
    </message>
    <message>
        <source>Signature (base64)</source>
        <translation>Signatur (Base64)</translation>
    </message>
    <message>
        <source>Signing certificate (PEM)</source>
        <translation>Signaturzertifikat (PEM)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Manufacturer root</source>
        <translation>Hersteller-Stammzertifikat</translation>
    </message>
    <message>
        <source>The station downloads signed firmware, checks its signature with the signing certificate and installs it after the retrieve time (1.6 SignedUpdateFirmware, 2.0.1 UpdateFirmware).</source>
        <translation>Die Station lädt signierte Firmware herunter, prüft ihre Signatur mit dem Signaturzertifikat und installiert sie nach dem Abrufzeitpunkt (1.6 SignedUpdateFirmware, 2.0.1 UpdateFirmware).</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Charging</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Smart charging</source>
        <translation>Intelligentes Laden</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Start charging…</source>
        <translation>Laden starten…</translation>
    </message>
    <message>
        <source>Stop charging…</source>
        <translation>Laden beenden…</translation>
    </message>
    <message>
        <source>Release cable (unlock connector)…</source>
        <translation>Kabel freigeben (Anschluss entriegeln)…</translation>
    </message>
    <message>
        <source>Reserve connector…</source>
        <translation>Anschluss reservieren…</translation>
    </message>
    <message>
        <source>Cancel reservation…</source>
        <translation>Reservierung aufheben…</translation>
    </message>
    <message>
        <source>Reset…</source>
        <translation>Reset…</translation>
    </message>
    <message>
        <source>Set available / unavailable…</source>
        <translation>Verfügbar / nicht verfügbar setzen…</translation>
    </message>
    <message>
        <source>Clear cache…</source>
        <translation>Cache leeren…</translation>
    </message>
    <message>
        <source>Trigger message…</source>
        <translation>Nachricht auslösen…</translation>
    </message>
    <message>
        <source>Refresh configuration…</source>
        <translation>Konfiguration aktualisieren…</translation>
    </message>
    <message>
        <source>Change configuration…</source>
        <translation>Konfiguration ändern…</translation>
    </message>
    <message>
        <source>Send local authorization list…</source>
        <translation>Lokale Autorisierungsliste senden…</translation>
    </message>
    <message>
        <source>Get local list version…</source>
        <translation>Version der lokalen Liste abfragen…</translation>
    </message>
    <message>
        <source>Data transfer…</source>
        <translation>Datenübertragung…</translation>
    </message>
    <message>
        <source>Set charging profile…</source>
        <translation>Ladeprofil setzen…</translation>
    </message>
    <message>
        <source>Clear charging profiles…</source>
        <translation>Ladeprofile löschen…</translation>
    </message>
    <message>
        <source>Get composite schedule…</source>
        <translation>Zusammengesetzten Zeitplan abfragen…</translation>
    </message>
    <message>
        <source>Firmware update…</source>
        <translation>Firmware-Update…</translation>
    </message>
    <message>
        <source>Get diagnostics…</source>
        <translation>Diagnose abrufen…</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Signed firmware update…</source>
        <translation>Signiertes Firmware-Update…</translation>
    </message>
    <message>
        <source>Get log…</source>
        <translation>Protokoll abrufen…</translation>
    </message>
    <message>
        <source>Install the site CA…</source>
        <translation>Standort-CA installieren…</translation>
    </message>
    <message>
        <source>Installed certificates…</source>
        <translation>Installierte Zertifikate…</translation>
    </message>
    <message>
        <source>Delete a certificate…</source>
        <translation>Zertifikat löschen…</translation>
    </message>
    <message>
        <source>Request a station certificate…</source>
        <translation>Stationszertifikat anfordern…</translation>
    </message>
</context>
<context>
    <name>CompatProfile</name>
    <message>
        <source>Switches evdesk applies to this station</source>
        <translation>Schalter, die evdesk für diese Station anwendet</translation>
    </message>
    <message>
        <source>Strip vendor suffix from id tags</source>
        <translation>Herstellersuffix von ID-Tags entfernen</translation>
    </message>
    <message>
        <source>An id tag like 04A1B2C3_serial is matched as 04A1B2C3.</source>
        <translation>Ein ID-Tag wie 04A1B2C3_serial wird als 04A1B2C3 erkannt.</translation>
    </message>
    <message>
        <source>Skip schema validation</source>
        <translation>Schemaprüfung überspringen</translation>
    </message>
    <message>
        <source>Accept messages that break the OCPP 1.6 schema (for firmware known to send them).</source>
        <translation>Nachrichten annehmen, die das OCPP-1.6-Schema verletzen (für Firmware, die bekanntlich solche sendet).</translation>
    </message>
    <message>
        <source>Timestamps without zone are local time</source>
        <translation>Zeitstempel ohne Zone sind Ortszeit</translation>
    </message>
    <message>
        <source>Read a time without offset in the station&apos;s time zone instead of UTC.</source>
        <translation>Eine Zeit ohne Offset in der Zeitzone der Station lesen statt in UTC.</translation>
    </message>
    <message>
        <source>Energy without unit is in kWh</source>
        <translation>Energie ohne Einheit ist in kWh</translation>
    </message>
    <message>
        <source>Meter readings with no unit are kWh (some meters), not Wh.</source>
        <translation>Zählerstände ohne Einheit sind kWh (manche Zähler), nicht Wh.</translation>
    </message>
    <message>
        <source>Set the meter-value interval after boot</source>
        <translation>Messintervall nach dem Start setzen</translation>
    </message>
    <message>
        <source>evdesk sends MeterValueSampleInterval after each boot.</source>
        <translation>evdesk sendet MeterValueSampleInterval nach jedem Start.</translation>
    </message>
    <message>
        <source>Smart charging supported</source>
        <translation>Intelligentes Laden unterstützt</translation>
    </message>
    <message>
        <source>Set charging profile is offered and sent.</source>
        <translation>Ladeprofil setzen wird angeboten und gesendet.</translation>
    </message>
    <message>
        <source>Highest stack level:</source>
        <translation>Höchste Stack-Ebene:</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>ChargeProfileMaxStackLevel: profiles above it are refused before they are sent</source>
        <translation>ChargeProfileMaxStackLevel: Profile darüber werden vor dem Senden abgelehnt</translation>
    </message>
    <message>
        <source>color: #c62828;</source>
        <translation>color: #c62828;</translation>
    </message>
    <message>
        <source>Charging rate units:</source>
        <translation>Einheiten der Laderate:</translation>
    </message>
    <message>
        <source>ChargingScheduleAllowedChargingRateUnit: what limits may be given in</source>
        <translation>ChargingScheduleAllowedChargingRateUnit: in welcher Einheit Grenzen angegeben werden dürfen</translation>
    </message>
    <message>
        <source>What the probe saw</source>
        <translation>Was die Prüfung sah</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <source>Share with every station of this model</source>
        <translation>Mit allen Stationen dieses Modells teilen</translation>
    </message>
    <message>
        <source>New chargers of this model start with these switches</source>
        <translation>Neue Ladestationen dieses Modells starten mit diesen Schaltern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
</context>
<context>
    <name>ConnectHelpDialog</name>
    <message>
        <source>How chargers connect</source>
        <translation>Wie sich Ladestationen verbinden</translation>
    </message>
    <message>
        <source>How chargers connect to evdesk</source>
        <translation>Wie sich Ladestationen mit evdesk verbinden</translation>
    </message>
    <message>
        <source>Enter this in each charging station&apos;s OCPP settings (often called &quot;central system URL&quot;, &quot;backend&quot; or &quot;OCPP server&quot;).</source>
        <translation>Tragen Sie dies in den OCPP-Einstellungen jeder Ladestation ein (oft &quot;Central System URL&quot;, &quot;Backend&quot; oder &quot;OCPP-Server&quot; genannt).</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Station identity:</source>
        <translation>Stationsidentität:</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Unknown stations:</source>
        <translation>Unbekannte Stationen:</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>{state} (seat {seat})</source>
        <translation>{state} (Arbeitsplatz {seat})</translation>
    </message>
    <message>
        <source>Online at seat {seat}</source>
        <translation>Online am Arbeitsplatz {seat}</translation>
    </message>
</context>
<context>
    <name>ConnectorCard</name>
    <message>
        <source>Connector</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Id tag</source>
        <translation>ID-Tag</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation>Kosten bisher</translation>
    </message>
    <message>
        <source>Start charging…</source>
        <translation>Laden starten…</translation>
    </message>
    <message>
        <source>Stop charging</source>
        <translation>Laden beenden</translation>
    </message>
    <message>
        <source>Release cable</source>
        <translation>Kabel freigeben</translation>
    </message>
    <message>
        <source>Unlock the connector so the cable can be removed</source>
        <translation>Den Anschluss entriegeln, damit das Kabel abgezogen werden kann</translation>
    </message>
    <message>
        <source>Ready by…</source>
        <translation>Fertig bis…</translation>
    </message>
    <message>
        <source>Load management: when this vehicle needs its energy (it is preferred among sessions of equal priority)</source>
        <translation>Lastmanagement: wann dieses Fahrzeug seine Energie braucht (es wird unter Ladevorgängen gleicher Priorität bevorzugt)</translation>
    </message>
    <message>
        <source>Connector {number}</source>
        <translation>Anschluss {number}</translation>
    </message>
    <message>
        <source>vendor code {code}</source>
        <translation>Herstellercode {code}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Since {time}</source>
        <translation>Seit {time}</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Kein Ladevorgang</translation>
    </message>
    <message>
        <source>Local time, {zone}</source>
        <translation>Ortszeit, {zone}</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Kostenlos</translation>
    </message>
</context>
<context>
    <name>ConsumptionChart</name>
    <message>
        <source>sessions</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>No sessions in this time frame.</source>
        <translation>Keine Ladevorgänge in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>{sessions} sessions, {kwh} kWh</source>
        <translation>{sessions} Ladevorgänge, {kwh} kWh</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import charging users</source>
        <translation>Ladenutzer importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{count} user imported</source>
        <translation>{count} Nutzer importiert</translation>
    </message>
    <message>
        <source>{count} users imported</source>
        <translation>{count} Nutzer importiert</translation>
    </message>
    <message>
        <source>{count} row refused</source>
        <translation>{count} Zeile abgelehnt</translation>
    </message>
    <message>
        <source>{count} rows refused</source>
        <translation>{count} Zeilen abgelehnt</translation>
    </message>
    <message>
        <source>Importing charging users from &lt;b&gt;{file}&lt;/b&gt;</source>
        <translation>Ladenutzer werden aus &lt;b&gt;{file}&lt;/b&gt; importiert</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch… (rows already imported stay)</source>
        <translation>Wird nach dem aktuellen Block abgebrochen… (bereits importierte Zeilen bleiben)</translation>
    </message>
    <message>
        <source>{done} of {total} rows checked…</source>
        <translation>{done} von {total} Zeilen geprüft…</translation>
    </message>
    <message>
        <source>{count} token added with them.</source>
        <translation>{count} Ladekarte mit ihnen angelegt.</translation>
    </message>
    <message>
        <source>{count} tokens added with them.</source>
        <translation>{count} Ladekarten mit ihnen angelegt.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Refused rows added nothing; fix them in the file and import those rows again.</source>
        <translation>Abgelehnte Zeilen haben nichts angelegt; korrigieren Sie sie in der Datei und importieren Sie diese Zeilen erneut.</translation>
    </message>
    <message>
        <source>The file could not be imported: {error}</source>
        <translation>Die Datei konnte nicht importiert werden: {error}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>By hour</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Figures for</source>
        <translation>Zahlen für</translation>
    </message>
    <message>
        <source>Charging groups</source>
        <translation>Ladegruppen</translation>
    </message>
    <message>
        <source>Choose the charging groups shown (this desk remembers them)</source>
        <translation>Angezeigte Ladegruppen wählen (dieser Arbeitsplatz merkt sie sich)</translation>
    </message>
    <message>
        <source>Charging points by status</source>
        <translation>Ladepunkte nach Status</translation>
    </message>
    <message>
        <source>Charging events</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>Charging points used</source>
        <translation>Genutzte Ladepunkte</translation>
    </message>
    <message>
        <source>kWh charged</source>
        <translation>Geladene kWh</translation>
    </message>
    <message>
        <source>Consumption: kWh and charging sessions</source>
        <translation>Verbrauch: kWh und Ladevorgänge</translation>
    </message>
    <message>
        <source>Faults &amp;&amp; connectivity loss</source>
        <translation>Störungen &amp;&amp; Verbindungsverluste</translation>
    </message>
    <message>
        <source>the chosen groups</source>
        <translation>die gewählten Gruppen</translation>
    </message>
    <message>
        <source>all your charging groups</source>
        <translation>alle Ihre Ladegruppen</translation>
    </message>
    <message>
        <source>1 charging station</source>
        <translation>1 Ladestation</translation>
    </message>
    <message>
        <source>{n} charging stations</source>
        <translation>{n} Ladestationen</translation>
    </message>
    <message>
        <source>1 charging point</source>
        <translation>1 Ladepunkt</translation>
    </message>
    <message>
        <source>{n} charging points</source>
        <translation>{n} Ladepunkte</translation>
    </message>
    <message>
        <source>{stations} · {points} · {charging} charging now · {errors} in an error condition  ({which})</source>
        <translation>{stations} · {points} · {charging} laden gerade · {errors} im Fehlerzustand  ({which})</translation>
    </message>
    <message>
        <source>Showing only stations with a charging point that is {phrase} (click the state again to show all).</source>
        <translation>Nur Stationen mit einem Ladepunkt im Zustand: {phrase} (Zustand erneut anklicken, um alle zu zeigen).</translation>
    </message>
    <message>
        <source>All my charging groups</source>
        <translation>Alle meine Ladegruppen</translation>
    </message>
    <message>
        <source>against the period before</source>
        <translation>gegenüber dem Zeitraum davor</translation>
    </message>
    <message>
        <source>Charging sessions</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Revenue {currency}</source>
        <translation>Umsatz {currency}</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>no priced session</source>
        <translation>kein bepreister Ladevorgang</translation>
    </message>
    <message>
        <source>New charging users</source>
        <translation>Neue Ladenutzer</translation>
    </message>
    <message>
        <source>New stations</source>
        <translation>Neue Stationen</translation>
    </message>
    <message>
        <source>{period}: {since} – {until}, compared with {previous_since} – {previous_until} ({zone})</source>
        <translation>{period}: {since} – {until}, verglichen mit {previous_since} – {previous_until} ({zone})</translation>
    </message>
    <message>
        <source>{summary} · all your stations, whatever groups are chosen</source>
        <translation>{summary} · alle Ihre Stationen, unabhängig von den gewählten Gruppen</translation>
    </message>
    <message>
        <source>The dashboard figures could not be read: {error}</source>
        <translation>Die Dashboard-Zahlen konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>No station is offline or faulted.</source>
        <translation>Keine Station ist offline oder gestört.</translation>
    </message>
    <message>
        <source>1 station</source>
        <translation>1 Station</translation>
    </message>
    <message>
        <source>{total} stations</source>
        <translation>{total} Stationen</translation>
    </message>
    <message>
        <source>{stations}: {offline} offline, {faulted} with a fault</source>
        <translation>{stations}: {offline} offline, {faulted} mit Störung</translation>
    </message>
</context>
<context>
    <name>DiagnosticsLog</name>
    <message>
        <source>Request diagnostics</source>
        <translation>Diagnose anfordern</translation>
    </message>
    <message>
        <source>The station uploads its diagnostics file to evdesk; it is listed here when it arrives.</source>
        <translation>Die Station lädt ihre Diagnosedatei zu evdesk hoch; sie erscheint hier, sobald sie ankommt.</translation>
    </message>
    <message>
        <source>over</source>
        <translation>über</translation>
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
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Open the received file with this computer&apos;s program for it</source>
        <translation>Die empfangene Datei mit dem Programm dieses Computers öffnen</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Ordner anzeigen</translation>
    </message>
</context>
<context>
    <name>DonutChart</name>
    <message>
        <source>charging points</source>
        <translation>Ladepunkte</translation>
    </message>
</context>
<context>
    <name>EventFeedModel</name>
    <message>
        <source>Status update</source>
        <translation>Statusmeldung</translation>
    </message>
    <message>
        <source>Charging point #0 (station)</source>
        <translation>Ladepunkt #0 (Station)</translation>
    </message>
    <message>
        <source>Charging point #{number}</source>
        <translation>Ladepunkt #{number}</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <source>— nothing to compare with</source>
        <translation>— kein Vergleichswert</translation>
    </message>
</context>
<context>
    <name>FirmwarePage</name>
    <message>
        <source>Stations download firmware from evdesk itself (HTTP, or FTP with one-time logins). Upload a file once, then send it to a station or a whole charging group.</source>
        <translation>Stationen laden Firmware direkt von evdesk (HTTP oder FTP mit Einmal-Logins). Laden Sie eine Datei einmal hoch und senden Sie sie dann an eine Station oder eine ganze Ladegruppe.</translation>
    </message>
    <message>
        <source>Firmware files</source>
        <translation>Firmware-Dateien</translation>
    </message>
    <message>
        <source>Upload file…</source>
        <translation>Datei hochladen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Send the selected file</source>
        <translation>Ausgewählte Datei senden</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Download over</source>
        <translation>Download über</translation>
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
        <translation>Installieren ab</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Kept in each station&apos;s action log</source>
        <translation>Im Aktionsprotokoll jeder Station gespeichert</translation>
    </message>
    <message>
        <source>Send firmware</source>
        <translation>Firmware senden</translation>
    </message>
    <message>
        <source>Roll-outs</source>
        <translation>Rollouts</translation>
    </message>
    <message>
        <source>Group {name} (all its stations)</source>
        <translation>Gruppe {name} (alle ihre Stationen)</translation>
    </message>
    <message>
        <source>Station {name}</source>
        <translation>Station {name}</translation>
    </message>
    <message>
        <source>Roll-outs — {file} to {target}: {summary}</source>
        <translation>Rollouts — {file} an {target}: {summary}</translation>
    </message>
    <message>
        <source>Only an admin of the whole site deletes firmware files (other groups use them too).</source>
        <translation>Nur ein Administrator des gesamten Standorts löscht Firmware-Dateien (andere Gruppen nutzen sie auch).</translation>
    </message>
    <message>
        <source>This seat runs no OCPP server: send firmware from the seat the stations are connected to.</source>
        <translation>Dieser Arbeitsplatz betreibt keinen OCPP-Server: Senden Sie die Firmware von dem Arbeitsplatz, mit dem die Stationen verbunden sind.</translation>
    </message>
    <message>
        <source>Send {name}</source>
        <translation>{name} senden</translation>
    </message>
    <message>
        <source>Install from
({zone})</source>
        <translation>Installieren ab
({zone})</translation>
    </message>
    <message>
        <source>Upload a firmware file</source>
        <translation>Firmware-Datei hochladen</translation>
    </message>
    <message>
        <source>Uploading {path}…</source>
        <translation>{path} wird hochgeladen…</translation>
    </message>
    <message>
        <source>{name} stored ({size}, SHA-256 {sha}…).</source>
        <translation>{name} gespeichert ({size}, SHA-256 {sha}…).</translation>
    </message>
    <message>
        <source>Delete firmware file</source>
        <translation>Firmware-Datei löschen</translation>
    </message>
    <message>
        <source>Delete {name}? Stations still downloading it will fail.</source>
        <translation>{name} löschen? Bei Stationen, die sie noch herunterladen, schlägt das fehl.</translation>
    </message>
    <message>
        <source>Firmware file deleted.</source>
        <translation>Firmware-Datei gelöscht.</translation>
    </message>
    <message>
        <source>Sending {name} to {target}…</source>
        <translation>{name} wird an {target} gesendet…</translation>
    </message>
    <message>
        <source>Sent {name}: progress per station below.</source>
        <translation>{name} gesendet: Fortschritt je Station unten.</translation>
    </message>
    <message>
        <source>Failed: {error}. Try again.</source>
        <translation>Fehlgeschlagen: {error}. Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>FrameDialog</name>
    <message>
        <source>OCPP message</source>
        <translation>OCPP-Nachricht</translation>
    </message>
</context>
<context>
    <name>GroupPickDialog</name>
    <message>
        <source>Charging group</source>
        <translation>Ladegruppe</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Parent group:</source>
        <translation>Übergeordnete Gruppe:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Charging groups</source>
        <translation>Ladegruppen</translation>
    </message>
    <message>
        <source>Groups hold stations; operators see the groups under their base group. Drag a group onto another to move it, or a station onto a group to assign it.</source>
        <translation>Gruppen enthalten Stationen; Operatoren sehen die Gruppen unter ihrer Basisgruppe. Ziehen Sie eine Gruppe auf eine andere, um sie zu verschieben, oder eine Station auf eine Gruppe, um sie zuzuordnen.</translation>
    </message>
    <message>
        <source>Add group…</source>
        <translation>Gruppe hinzufügen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Add stations…</source>
        <translation>Stationen hinzufügen…</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Aus Gruppe entfernen</translation>
    </message>
</context>
<context>
    <name>InvoiceRunDialog</name>
    <message>
        <source>New invoice run</source>
        <translation>Neuer Rechnungslauf</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>d.M.yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>kWh price € (incl. VAT)</source>
        <translation>kWh-Preis € (inkl. MwSt.)</translation>
    </message>
    <message>
        <source>empty: the sessions&apos; own tariffs</source>
        <translation>leer: die eigenen Tarife der Ladevorgänge</translation>
    </message>
    <message>
        <source>Monthly price € (incl. VAT)</source>
        <translation>Monatspreis € (inkl. MwSt.)</translation>
    </message>
    <message>
        <source>empty: the monthly fees in the settings</source>
        <translation>leer: die Monatsgebühren aus den Einstellungen</translation>
    </message>
    <message>
        <source>Charging user groups</source>
        <translation>Ladenutzergruppen</translation>
    </message>
    <message>
        <source>Charging users (only those with an e-mail address)</source>
        <translation>Ladenutzer (nur mit E-Mail-Adresse)</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Nutzer suchen</translation>
    </message>
    <message>
        <source>Invoice previews</source>
        <translation>Rechnungsvorschauen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Ausgewählte entfernen</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>PDF öffnen</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Senden abbrechen</translation>
    </message>
    <message>
        <source>Send invoices</source>
        <translation>Rechnungen senden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Name / line</source>
        <translation>Name / Zeile</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>unsent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>bezahlt</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>Give the price as a number such as 0.15, or leave it empty.</source>
        <translation>Geben Sie den Preis als Zahl an, z. B. 0.15, oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source> (billed to {payer})</source>
        <translation> (berechnet an {payer})</translation>
    </message>
    <message>
        <source>Members without e-mail</source>
        <translation>Mitglieder ohne E-Mail</translation>
    </message>
    <message>
        <source>Make the others&apos; invoices</source>
        <translation>Rechnungen der anderen erstellen</translation>
    </message>
    <message>
        <source>Left out (no e-mail address): {names}.</source>
        <translation>Ausgelassen (keine E-Mail-Adresse): {names}.</translation>
    </message>
    <message>
        <source>Nothing to bill for: {names}.</source>
        <translation>Nichts zu berechnen: {names}.</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <source>VAT {rate} %</source>
        <translation>MwSt. {rate} %</translation>
    </message>
    <message>
        <source>{count} invoice, to send {total}</source>
        <translation>{count} Rechnung, zu senden {total}</translation>
    </message>
    <message>
        <source>{count} invoices, to send {total}</source>
        <translation>{count} Rechnungen, zu senden {total}</translation>
    </message>
    <message>
        <source>Tick the invoices to send.</source>
        <translation>Haken Sie die zu sendenden Rechnungen an.</translation>
    </message>
    <message>
        <source>Cancelling: the invoices being e-mailed now finish first…</source>
        <translation>Wird abgebrochen: Die gerade versendeten Rechnungen werden noch fertig gesendet…</translation>
    </message>
    <message>
        <source>Sent {count} invoice.</source>
        <translation>{count} Rechnung gesendet.</translation>
    </message>
    <message>
        <source>Sent {count} invoices.</source>
        <translation>{count} Rechnungen gesendet.</translation>
    </message>
    <message>
        <source>{count} not sent: {reason} (and other reasons)</source>
        <translation>{count} nicht gesendet: {reason} (und weitere Gründe)</translation>
    </message>
    <message>
        <source>{count} not sent: {reason}</source>
        <translation>{count} nicht gesendet: {reason}</translation>
    </message>
    <message>
        <source>Send them again from the list.</source>
        <translation>Senden Sie sie erneut aus der Liste.</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>Der Versand wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>InvoiceSettingsDialog</name>
    <message>
        <source>Invoice settings</source>
        <translation>Rechnungseinstellungen</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkäufer</translation>
    </message>
    <message>
        <source>Seller name</source>
        <translation>Name des Verkäufers</translation>
    </message>
    <message>
        <source>Business ID</source>
        <translation>Handelsregisternummer</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telefon</translation>
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
        <translation>Ein kleines JPG oder PNG, etwa 100×100 Pixel</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Payment and numbers</source>
        <translation>Zahlung und Nummern</translation>
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
        <translation>Zahlungsziel (Tage)</translation>
    </message>
    <message>
        <source>Penalty interest %</source>
        <translation>Verzugszins %</translation>
    </message>
    <message>
        <source>Default VAT %</source>
        <translation>Standard-MwSt. %</translation>
    </message>
    <message>
        <source>Reference number start</source>
        <translation>Start der Referenznummer</translation>
    </message>
    <message>
        <source>First invoice number</source>
        <translation>Erste Rechnungsnummer</translation>
    </message>
    <message>
        <source>Cutoff day of month</source>
        <translation>Stichtag im Monat</translation>
    </message>
    <message>
        <source>Invoice period (months)</source>
        <translation>Rechnungszeitraum (Monate)</translation>
    </message>
    <message>
        <source>Language of the PDF</source>
        <translation>Sprache des PDF</translation>
    </message>
    <message>
        <source>Subject ({period} is replaced by the invoice period)</source>
        <translation>Betreff ({period} wird durch den Rechnungszeitraum ersetzt)</translation>
    </message>
    <message>
        <source>Text (simple HTML: p, br, b, i, u, ul, ol, li, a; anything else is shown as text). The PDF is attached.</source>
        <translation>Text (einfaches HTML: p, br, b, i, u, ul, ol, li, a; alles andere wird als Text gezeigt). Das PDF wird angehängt.</translation>
    </message>
    <message>
        <source>Monthly fees and payers</source>
        <translation>Monatsgebühren und Zahler</translation>
    </message>
    <message>
        <source>Monthly fees (incl. VAT, per full month of the period), and to whom they apply</source>
        <translation>Monatsgebühren (inkl. MwSt., je vollem Monat des Zeitraums) und für wen sie gelten</translation>
    </message>
    <message>
        <source>Add fee</source>
        <translation>Gebühr hinzufügen</translation>
    </message>
    <message>
        <source>Remove fee</source>
        <translation>Gebühr entfernen</translation>
    </message>
    <message>
        <source>User groups billed to one payer (one invoice for all members)</source>
        <translation>Nutzergruppen, die einem Zahler berechnet werden (eine Rechnung für alle Mitglieder)</translation>
    </message>
    <message>
        <source>Add payer</source>
        <translation>Zahler hinzufügen</translation>
    </message>
    <message>
        <source>Remove payer</source>
        <translation>Zahler entfernen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price € / month</source>
        <translation>Preis € / Monat</translation>
    </message>
    <message>
        <source>VAT % (empty: default)</source>
        <translation>MwSt. % (leer: Standard)</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Nutzergruppe</translation>
    </message>
    <message>
        <source>Payer name</source>
        <translation>Name des Zahlers</translation>
    </message>
    <message>
        <source>{label} must be a number.</source>
        <translation>{label} muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Nutzer</translation>
    </message>
    <message>
        <source>Group {name}</source>
        <translation>Gruppe {name}</translation>
    </message>
    <message>
        <source>A monthly fee</source>
        <translation>Eine Monatsgebühr</translation>
    </message>
    <message>
        <source>The VAT rate</source>
        <translation>Der MwSt.-Satz</translation>
    </message>
    <message>
        <source>The reference number start is digits only, e.g. 10998.</source>
        <translation>Der Beginn der Referenznummer besteht nur aus Ziffern, z. B. 10998.</translation>
    </message>
    <message>
        <source>Penalty interest</source>
        <translation>Verzugszins</translation>
    </message>
    <message>
        <source>Someone else saved the invoice settings meanwhile. Close and open them again.</source>
        <translation>Jemand anderes hat die Rechnungseinstellungen inzwischen gespeichert. Schließen und öffnen Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>InvoicesModel</name>
    <message>
        <source> (credit note)</source>
        <translation> (Gutschrift)</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Search name, e-mail, reference or number</source>
        <translation>Name, E-Mail, Referenz oder Nummer suchen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Period overlaps</source>
        <translation>Zeitraum überschneidet</translation>
    </message>
    <message>
        <source>d.M.yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Nur überfällige</translation>
    </message>
    <message>
        <source>New invoice run…</source>
        <translation>Neuer Rechnungslauf…</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>PDF öffnen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>Als bezahlt markieren</translation>
    </message>
    <message>
        <source>Mark unpaid…</source>
        <translation>Als unbezahlt markieren…</translation>
    </message>
    <message>
        <source>Credit note…</source>
        <translation>Gutschrift…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Invoice settings…</source>
        <translation>Rechnungseinstellungen…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>No invoices match.</source>
        <translation>Keine passenden Rechnungen.</translation>
    </message>
    <message>
        <source>{count} invoice: {all} in all · paid {paid} · open {open} · overdue {overdue} · previews {previews}</source>
        <translation>{count} Rechnung: insgesamt {all} · bezahlt {paid} · offen {open} · überfällig {overdue} · Vorschauen {previews}</translation>
    </message>
    <message>
        <source>{count} invoices: {all} in all · paid {paid} · open {open} · overdue {overdue} · previews {previews}</source>
        <translation>{count} Rechnungen: insgesamt {all} · bezahlt {paid} · offen {open} · überfällig {overdue} · Vorschauen {previews}</translation>
    </message>
    <message>
        <source>All runs</source>
        <translation>Alle Läufe</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Nutzer</translation>
    </message>
    <message>
        <source>{first} - {last} ({count} invoices, by {who})</source>
        <translation>{first} - {last} ({count} Rechnungen, von {who})</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Not sent: {error}</source>
        <translation>Nicht gesendet: {error}</translation>
    </message>
    <message>
        <source>Invoice settings saved.</source>
        <translation>Rechnungseinstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>{name} geöffnet.</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>PDF wird erstellt…</translation>
    </message>
    <message>
        <source>Sent the invoice to {email}.</source>
        <translation>Rechnung an {email} gesendet.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Marked {name}&apos;s invoice {number} paid.</source>
        <translation>Rechnung {number} von {name} als bezahlt markiert.</translation>
    </message>
    <message>
        <source>Marked {name}&apos;s invoice {number} unpaid.</source>
        <translation>Rechnung {number} von {name} als unbezahlt markiert.</translation>
    </message>
    <message>
        <source>Mark unpaid</source>
        <translation>Als unbezahlt markieren</translation>
    </message>
    <message>
        <source>Mark {name}&apos;s invoice {number} unpaid?</source>
        <translation>Rechnung {number} von {name} als unbezahlt markieren?</translation>
    </message>
    <message>
        <source>It is then open again, and overdue once its due date has passed.</source>
        <translation>Sie ist dann wieder offen und überfällig, sobald ihr Fälligkeitsdatum verstrichen ist.</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Make a credit note for {name}&apos;s invoice {number}?</source>
        <translation>Gutschrift zur Rechnung {number} von {name} erstellen?</translation>
    </message>
    <message>
        <source>Make credit note</source>
        <translation>Gutschrift erstellen</translation>
    </message>
    <message>
        <source>The credit note cancels the whole invoice; it is a preview until you send it.</source>
        <translation>Die Gutschrift storniert die ganze Rechnung; bis Sie sie senden, ist sie eine Vorschau.</translation>
    </message>
    <message>
        <source>Made a credit note for invoice {number}: select it and send it.</source>
        <translation>Gutschrift zur Rechnung {number} erstellt: Wählen Sie sie aus und senden Sie sie.</translation>
    </message>
    <message>
        <source>Export invoices</source>
        <translation>Rechnungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} rows to {path}.</source>
        <translation>{count} Zeilen nach {path} exportiert.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Failed: {error}. Try again.</source>
        <translation>Fehlgeschlagen: {error}. Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>30-40 characters is best</source>
        <translation>30–40 Zeichen sind am besten</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>Postleitzahl:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>two-letter code, e.g. FI</source>
        <translation>zweistelliger Code, z. B. DE</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Koordinaten:</translation>
    </message>
    <message>
        <source>latitude, e.g. 60.1699</source>
        <translation>Breitengrad, z. B. 60.1699</translation>
    </message>
    <message>
        <source>longitude, e.g. 24.9384</source>
        <translation>Längengrad, z. B. 24.9384</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source>Managed by:</source>
        <translation>Verwaltet von:</translation>
    </message>
    <message>
        <source>the whole site (administrators of the whole site)</source>
        <translation>der gesamte Standort (Administratoren des gesamten Standorts)</translation>
    </message>
    <message>
        <source>Someone else changed this location since you opened it. Close this window and edit again.</source>
        <translation>Jemand anderes hat diesen Standort geändert, seit Sie ihn geöffnet haben. Schließen Sie das Fenster und bearbeiten Sie ihn erneut.</translation>
    </message>
    <message>
        <source>Empty: the site&apos;s time zone</source>
        <translation>Leer: die Zeitzone des Standorts</translation>
    </message>
    <message>
        <source>Edit location {name}</source>
        <translation>Standort {name} bearbeiten</translation>
    </message>
    <message>
        <source>Add a location</source>
        <translation>Standort anlegen</translation>
    </message>
    <message>
        <source>Give the latitude in degrees, e.g. 60.1699.</source>
        <translation>Geben Sie den Breitengrad in Grad an, z. B. 60.1699.</translation>
    </message>
    <message>
        <source>Give the longitude in degrees, e.g. 24.9384.</source>
        <translation>Geben Sie den Längengrad in Grad an, z. B. 24.9384.</translation>
    </message>
</context>
<context>
    <name>LocationsModel</name>
    <message>
        <source>whole site</source>
        <translation>gesamter Standort</translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Where stations stand: a location has an address, coordinates and a time zone. Create the location first, then put stations at it in their details.</source>
        <translation>Wo Stationen stehen: Ein Standort hat eine Adresse, Koordinaten und eine Zeitzone. Legen Sie zuerst den Standort an und ordnen Sie ihm dann Stationen in deren Details zu.</translation>
    </message>
    <message>
        <source>Search name, address, postcode, city…</source>
        <translation>Name, Adresse, Postleitzahl, Ort suchen…</translation>
    </message>
    <message>
        <source>Add location…</source>
        <translation>Standort hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>A site-wide location is managed by administrators of the whole site.</source>
        <translation>Einen standortweiten Standort verwalten die Administratoren des gesamten Standorts.</translation>
    </message>
    <message>
        <source>Added the location {name}.</source>
        <translation>Standort {name} angelegt.</translation>
    </message>
    <message>
        <source>Saved the location {name}.</source>
        <translation>Standort {name} gespeichert.</translation>
    </message>
    <message>
        <source>Its {count} station stays, without a location.</source>
        <translation>Ihre {count} Station bleibt erhalten, ohne Standort.</translation>
    </message>
    <message>
        <source>Its {count} stations stay, without a location.</source>
        <translation>Ihre {count} Stationen bleiben erhalten, ohne Standort.</translation>
    </message>
    <message>
        <source>No station stands there.</source>
        <translation>Dort steht keine Station.</translation>
    </message>
    <message>
        <source>Delete location</source>
        <translation>Standort löschen</translation>
    </message>
    <message>
        <source>Delete the location {name}?</source>
        <translation>Standort {name} löschen?</translation>
    </message>
    <message>
        <source>Deleted the location {name}.</source>
        <translation>Standort {name} gelöscht.</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Your login has expired</source>
        <translation>Ihre Anmeldung ist abgelaufen</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>LoginControl</name>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Nobody logged in: nothing can be changed</source>
        <translation>Niemand angemeldet: Nichts kann geändert werden</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>Angemeldet: {name} ({role})</translation>
    </message>
    <message>
        <source>Login valid until {time}</source>
        <translation>Anmeldung gültig bis {time}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>evdesk — log in</source>
        <translation>evdesk — Anmeldung</translation>
    </message>
    <message>
        <source>evdesk</source>
        <translation>evdesk</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Lost your password?</source>
        <translation>Passwort vergessen?</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>Ich habe einen Code</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Enter your username. evdesk e-mails you a code to set a new password with; then press “I have a code”.</source>
        <translation>Geben Sie Ihren Benutzernamen ein. evdesk schickt Ihnen per E-Mail einen Code, mit dem Sie ein neues Passwort setzen; drücken Sie dann „Ich habe einen Code“.</translation>
    </message>
    <message>
        <source>Back to log in</source>
        <translation>Zurück zur Anmeldung</translation>
    </message>
    <message>
        <source>E-mail me a code</source>
        <translation>Code per E-Mail senden</translation>
    </message>
    <message>
        <source>Enter the code from your invitation or password e-mail and choose your password.</source>
        <translation>Geben Sie den Code aus Ihrer Einladungs- oder Passwort-E-Mail ein und wählen Sie Ihr Passwort.</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>e.g. K7QM-2XDP</source>
        <translation>z. B. K7QM-2XDP</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>At least 10 characters with letters and digits, or at least 16 of any kind.</source>
        <translation>Mindestens 10 Zeichen mit Buchstaben und Ziffern oder mindestens 16 beliebige.</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort setzen</translation>
    </message>
    <message>
        <source>No operator exists yet. Create the first administrator: this account may do everything and invites the other operators.</source>
        <translation>Es gibt noch keinen Operator. Legen Sie den ersten Administrator an: Dieses Konto darf alles und lädt die anderen Operatoren ein.</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Vorname:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Nachname:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>for password resets</source>
        <translation>für das Zurücksetzen des Passworts</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Administrator anlegen</translation>
    </message>
    <message>
        <source>Charging station management for {site}</source>
        <translation>Ladestationsverwaltung für {site}</translation>
    </message>
    <message>
        <source>evdesk — lost password</source>
        <translation>evdesk — Passwort vergessen</translation>
    </message>
    <message>
        <source>evdesk — set password</source>
        <translation>evdesk — Passwort setzen</translation>
    </message>
    <message>
        <source>evdesk — first administrator</source>
        <translation>evdesk — erster Administrator</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. Try again.</source>
        <translation>Etwas ist schiefgegangen: {error}. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>If that username has an e-mail address, a code is on its way. It is valid for 72 hours.</source>
        <translation>Wenn zu diesem Benutzernamen eine E-Mail-Adresse gehört, ist ein Code unterwegs. Er gilt 72 Stunden.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Password set. Log in with it now.</source>
        <translation>Passwort gesetzt. Melden Sie sich jetzt damit an.</translation>
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
        <translation>evdesk kann keine Daten speichern.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>How chargers connect…</source>
        <translation>Verbindungshilfe…</translation>
    </message>
    <message>
        <source>The address, port and rules a charging station needs to connect to this evdesk</source>
        <translation>Adresse, Port und Regeln, die eine Ladestation braucht, um sich mit diesem evdesk zu verbinden</translation>
    </message>
    <message>
        <source>OCPP server: {address}</source>
        <translation>OCPP-Server: {address}</translation>
    </message>
    <message>
        <source>OCPP server: not running in this program</source>
        <translation>OCPP-Server: läuft nicht in diesem Programm</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Copied {url}</source>
        <translation>{url} kopiert</translation>
    </message>
    <message>
        <source>{online} of {total} stations online</source>
        <translation>{online} von {total} Stationen online</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Wrong credentials.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Operator is inactive.</source>
        <translation>Der Operator ist deaktiviert.</translation>
    </message>
    <message>
        <source>Operator not found.</source>
        <translation>Operator nicht gefunden.</translation>
    </message>
    <message>
        <source>Username already exists.</source>
        <translation>Der Benutzername existiert bereits.</translation>
    </message>
    <message>
        <source>Access denied.</source>
        <translation>Zugriff verweigert.</translation>
    </message>
    <message>
        <source>Password does not conform to password policy. Use at least 10 characters with letters and digits, or at least 16 characters of any kind.</source>
        <translation>Das Passwort entspricht nicht der Passwortrichtlinie. Verwenden Sie mindestens 10 Zeichen mit Buchstaben und Ziffern oder mindestens 16 beliebige Zeichen.</translation>
    </message>
    <message>
        <source>Password does not conform to password policy. The password must not be the username.</source>
        <translation>Das Passwort entspricht nicht der Passwortrichtlinie. Das Passwort darf nicht der Benutzername sein.</translation>
    </message>
</context>
<context>
    <name>MyAccountPage</name>
    <message>
        <source>My account</source>
        <translation>Mein Konto</translation>
    </message>
    <message>
        <source>Name and e-mail</source>
        <translation>Name und E-Mail</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Vorname:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Nachname:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>At least 10 characters with letters and digits, or at least 16 of any kind.</source>
        <translation>Mindestens 10 Zeichen mit Buchstaben und Ziffern oder mindestens 16 beliebige.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language of this desk:</source>
        <translation>Sprache dieses Arbeitsplatzes:</translation>
    </message>
    <message>
        <source>Kept on this computer for your operating-system user. The new language shows when evdesk starts next.</source>
        <translation>Auf diesem Computer für Ihren Betriebssystem-Benutzer gespeichert. Die neue Sprache erscheint beim nächsten Start von evdesk.</translation>
    </message>
    <message>
        <source>As the operating system ({language})</source>
        <translation>Wie das Betriebssystem ({language})</translation>
    </message>
    <message>
        <source>Language saved.</source>
        <translation>Sprache gespeichert.</translation>
    </message>
    <message>
        <source>Language saved: evdesk shows {language} when it starts next.</source>
        <translation>Sprache gespeichert: evdesk zeigt beim nächsten Start {language}.</translation>
    </message>
    <message>
        <source>evdesk runs without a logged-in operator here: there is no account to change.</source>
        <translation>evdesk läuft hier ohne angemeldeten Operator: Es gibt kein Konto zu ändern.</translation>
    </message>
    <message>
        <source>the whole site</source>
        <translation>der ganze Standort</translation>
    </message>
    <message>
        <source>Username {username} · {role} · base group: {group}. Another admin changes your permissions and base group.</source>
        <translation>Benutzername {username} · {role} · Basisgruppe: {group}. Ein anderer Administrator ändert Ihre Berechtigungen und Basisgruppe.</translation>
    </message>
    <message>
        <source>Your account was changed meanwhile (elsewhere). It has been reloaded: try again.</source>
        <translation>Ihr Konto wurde inzwischen (anderswo) geändert. Es wurde neu geladen: Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Saving failed: {error}. Try again.</source>
        <translation>Speichern fehlgeschlagen: {error}. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Your name and e-mail are saved.</source>
        <translation>Ihr Name und Ihre E-Mail sind gespeichert.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Passwort geändert.</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Ihr Passwort ist geändert.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stationen</translation>
    </message>
    <message>
        <source>Charging groups</source>
        <translation>Ladegruppen</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Charging points</source>
        <translation>Ladepunkte</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Circuits</source>
        <translation>Stromkreise</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>Charging users</source>
        <translation>Ladenutzer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Ladekarten</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Nutzergruppen</translation>
    </message>
    <message>
        <source>Authorizations</source>
        <translation>Autorisierungen</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Access profiles</source>
        <translation>Zugangsprofile</translation>
    </message>
    <message>
        <source>Scheduled tasks</source>
        <translation>Geplante Aufgaben</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>Mein Konto</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Shared data</source>
        <translation>Gemeinsame Daten</translation>
    </message>
</context>
<context>
    <name>NotificationRuleDialog</name>
    <message>
        <source>Notification rule</source>
        <translation>Benachrichtigungsregel</translation>
    </message>
    <message>
        <source>Who is mailed about which faults of which stations. A rule covers its charging group with the subgroups, and the stations ticked below; with neither, the whole site.</source>
        <translation>Wer über welche Störungen welcher Stationen per E-Mail informiert wird. Eine Regel umfasst ihre Ladegruppe mit Untergruppen und die unten angehakten Stationen; ohne beides den ganzen Standort.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>e.g. Depot faults</source>
        <translation>z. B. Störungen im Depot</translation>
    </message>
    <message>
        <source>Charging group:</source>
        <translation>Ladegruppe:</translation>
    </message>
    <message>
        <source>And these stations:</source>
        <translation>Und diese Stationen:</translation>
    </message>
    <message>
        <source>E-mail addresses:</source>
        <translation>E-Mail-Adressen:</translation>
    </message>
    <message>
        <source>One address a line</source>
        <translation>Eine Adresse pro Zeile</translation>
    </message>
    <message>
        <source>Operators:</source>
        <translation>Operatoren:</translation>
    </message>
    <message>
        <source>Cases (at least one)</source>
        <translation>Fälle (mindestens einer)</translation>
    </message>
    <message>
        <source>Unavailable — long-term offline, or a connector Unavailable nobody switched off</source>
        <translation>Nicht verfügbar — lange offline, oder ein Anschluss Unavailable, den niemand abgeschaltet hat</translation>
    </message>
    <message>
        <source>Fuse tripped — RCD or circuit breaker (GroundFailure, OverCurrentFailure, PowerSwitchFailure)</source>
        <translation>Sicherung ausgelöst — FI- oder Leitungsschutzschalter (GroundFailure, OverCurrentFailure, PowerSwitchFailure)</translation>
    </message>
    <message>
        <source>Sensor fault — temperature, meter, reader, lock, voltage, vehicle communication</source>
        <translation>Sensorfehler — Temperatur, Zähler, Leser, Verriegelung, Spannung, Fahrzeugkommunikation</translation>
    </message>
    <message>
        <source>Other fault — Faulted with any other error code</source>
        <translation>Andere Störung — Faulted mit einem anderen Fehlercode</translation>
    </message>
    <message>
        <source>Session failed to start — a remote start refused, unanswered or without a session</source>
        <translation>Ladevorgang nicht gestartet — ein Fernstart abgelehnt, unbeantwortet oder ohne Ladevorgang</translation>
    </message>
    <message>
        <source>Load limit not applied — a station draws more than load management allows it</source>
        <translation>Lastgrenze nicht eingehalten — eine Station zieht mehr, als das Lastmanagement erlaubt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Mail a case after it lasted:</source>
        <translation>Fall melden, wenn er andauert seit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Do not repeat a station and case within:</source>
        <translation>Station und Fall nicht wiederholen innerhalb von:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Also mail when the case ends</source>
        <translation>Auch melden, wenn der Fall endet</translation>
    </message>
    <message>
        <source>Auto-recovery: soft, then hard reset of a station Faulted for</source>
        <translation>Auto-Wiederherstellung: weicher, dann harter Reset einer Station, die Faulted ist seit</translation>
    </message>
    <message>
        <source>Rule active</source>
        <translation>Regel aktiv</translation>
    </message>
    <message>
        <source>Someone else changed this rule meanwhile. Close this editor, and open the rule again to see their change.</source>
        <translation>Jemand anderes hat diese Regel inzwischen geändert. Schließen Sie den Editor und öffnen Sie die Regel erneut, um die Änderung zu sehen.</translation>
    </message>
    <message>
        <source>No group (the whole site, unless stations are ticked)</source>
        <translation>Keine Gruppe (der gesamte Standort, sofern keine Stationen angehakt sind)</translation>
    </message>
    <message>
        <source>No group (only the stations ticked below)</source>
        <translation>Keine Gruppe (nur die unten angehakten Stationen)</translation>
    </message>
    <message>
        <source>Notification rule {name}</source>
        <translation>Benachrichtigungsregel {name}</translation>
    </message>
    <message>
        <source>New notification rule</source>
        <translation>Neue Benachrichtigungsregel</translation>
    </message>
    <message>
        <source>{name} (no e-mail address: not mailed)</source>
        <translation>{name} (keine E-Mail-Adresse: wird nicht benachrichtigt)</translation>
    </message>
    <message>
        <source>Could not save the rule</source>
        <translation>Die Regel konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Mails to people when a charger fails: per charging group or chosen stations, which cases, who is told, and optional auto-recovery. Times are in the site&apos;s time zone.</source>
        <translation>E-Mails an Personen, wenn eine Ladestation ausfällt: pro Ladegruppe oder ausgewählte Stationen, welche Fälle, wer informiert wird, und optionale Auto-Wiederherstellung. Zeiten gelten in der Zeitzone des Standorts.</translation>
    </message>
    <message>
        <source>Add rule…</source>
        <translation>Regel hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Mail log</source>
        <translation>E-Mail-Protokoll</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>No notification mails yet.</source>
        <translation>Noch keine Benachrichtigungs-E-Mails.</translation>
    </message>
    <message>
        <source>No notification rules: nobody is mailed when a charger fails. Add a rule.</source>
        <translation>Keine Benachrichtigungsregeln: Niemand erhält eine E-Mail, wenn ein Ladegerät ausfällt. Legen Sie eine Regel an.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
    <message>
        <source>Delete notification rule</source>
        <translation>Benachrichtigungsregel löschen</translation>
    </message>
    <message>
        <source>Delete the notification rule {name}?</source>
        <translation>Benachrichtigungsregel {name} löschen?</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>Its recipients are no longer mailed about these stations.</source>
        <translation>Ihre Empfänger erhalten zu diesen Stationen keine E-Mails mehr.</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} gelöscht.</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Invite operator</source>
        <translation>Operator einladen</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>Confirm e-mail:</source>
        <translation>E-Mail bestätigen:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Vorname:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Nachname:</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>Base group:</source>
        <translation>Basisgruppe:</translation>
    </message>
    <message>
        <source>The operator sees and manages this group, its subgroups and their stations.</source>
        <translation>Der Operator sieht und verwaltet diese Gruppe, ihre Untergruppen und deren Stationen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Send invitation</source>
        <translation>Einladung senden</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <source>Search username, name or e-mail</source>
        <translation>Benutzername, Name oder E-Mail suchen</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>Einladen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Resend invitation</source>
        <translation>Einladung erneut senden</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
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
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} ist erforderlich.</translation>
    </message>
    <message>
        <source>Send this field</source>
        <translation>Dieses Feld senden</translation>
    </message>
    <message>
        <source>Any connector (the station chooses)</source>
        <translation>Beliebiger Anschluss (die Station wählt)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>0 – whole station</source>
        <translation>0 – ganze Station</translation>
    </message>
    <message>
        <source>Connector {id}</source>
        <translation>Anschluss {id}</translation>
    </message>
    <message>
        <source>{label}: enter a number, e.g. 12.5.</source>
        <translation>{label}: Geben Sie eine Zahl ein, z. B. 12.5.</translation>
    </message>
    <message>
        <source>As the tariff groups decide</source>
        <translation>Wie die Tarifgruppen festlegen</translation>
    </message>
    <message>
        <source>Free (no charge)</source>
        <translation>Kostenlos (keine Berechnung)</translation>
    </message>
    <message>
        <source>Every connector is charging: stop the session first, then release the cable.</source>
        <translation>An jedem Anschluss wird geladen: Beenden Sie zuerst den Ladevorgang, dann geben Sie das Kabel frei.</translation>
    </message>
    <message>
        <source>Every connector is charging</source>
        <translation>An jedem Anschluss wird geladen</translation>
    </message>
    <message>
        <source>Type a token id or a user&apos;s name, or any id tag</source>
        <translation>Karten-ID, Nutzername oder ID-Tag</translation>
    </message>
    <message>
        <source>No session is running at this station</source>
        <translation>An dieser Station läuft kein Ladevorgang</translation>
    </message>
    <message>
        <source>No session is running at this station, so there is nothing to stop.</source>
        <translation>An dieser Station läuft kein Ladevorgang, es gibt also nichts zu beenden.</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <source>{count} user</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} users</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} charging user</source>
        <translation>{count} Ladenutzer</translation>
    </message>
    <message>
        <source>{count} charging users</source>
        <translation>{count} Ladenutzer</translation>
    </message>
    <message>
        <source>{count} user group</source>
        <translation>{count} Nutzergruppe</translation>
    </message>
    <message>
        <source>{count} user groups</source>
        <translation>{count} Nutzergruppen</translation>
    </message>
    <message>
        <source>{count} token</source>
        <translation>{count} Ladekarte</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} Ladekarten</translation>
    </message>
    <message>
        <source>{count} charging group</source>
        <translation>{count} Ladegruppe</translation>
    </message>
    <message>
        <source>{count} charging groups</source>
        <translation>{count} Ladegruppen</translation>
    </message>
    <message>
        <source>{count} station</source>
        <translation>{count} Station</translation>
    </message>
    <message>
        <source>{count} stations</source>
        <translation>{count} Stationen</translation>
    </message>
    <message>
        <source>{count} access profile</source>
        <translation>{count} Zugangsprofil</translation>
    </message>
    <message>
        <source>{count} access profiles</source>
        <translation>{count} Zugangsprofile</translation>
    </message>
    <message>
        <source>{count} location</source>
        <translation>{count} Standort</translation>
    </message>
    <message>
        <source>{count} locations</source>
        <translation>{count} Standorte</translation>
    </message>
    <message>
        <source>{count} notification rule</source>
        <translation>{count} Benachrichtigungsregel</translation>
    </message>
    <message>
        <source>{count} notification rules</source>
        <translation>{count} Benachrichtigungsregeln</translation>
    </message>
    <message>
        <source>{count} mail shown</source>
        <translation>{count} E-Mail angezeigt</translation>
    </message>
    <message>
        <source>{count} mails shown</source>
        <translation>{count} E-Mails angezeigt</translation>
    </message>
    <message>
        <source>{count} hour</source>
        <translation>{count} Stunde</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} Stunden</translation>
    </message>
    <message>
        <source>{count} day</source>
        <translation>{count} Tag</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} Tage</translation>
    </message>
    <message>
        <source>{count} week</source>
        <translation>{count} Woche</translation>
    </message>
    <message>
        <source>{count} weeks</source>
        <translation>{count} Wochen</translation>
    </message>
    <message>
        <source>{count} month</source>
        <translation>{count} Monat</translation>
    </message>
    <message>
        <source>{count} months</source>
        <translation>{count} Monate</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Kostenlos</translation>
    </message>
    <message>
        <source>Flat price per session</source>
        <translation>Pauschalpreis pro Ladevorgang</translation>
    </message>
    <message>
        <source>Energy + duration + connection fee</source>
        <translation>Energie + Dauer + Startgebühr</translation>
    </message>
    <message>
        <source>Day / night prices</source>
        <translation>Tag-/Nachtpreise</translation>
    </message>
    <message>
        <source>Power levels (price per minute by average kW)</source>
        <translation>Leistungsstufen (Minutenpreis nach mittlerer kW-Leistung)</translation>
    </message>
    <message>
        <source>AC and DC prices</source>
        <translation>AC- und DC-Preise</translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation>Der gesamte Ladevorgang</translation>
    </message>
    <message>
        <source>Time actively charging</source>
        <translation>Zeit des aktiven Ladens</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Pauschal</translation>
    </message>
    <message>
        <source>Energy + time</source>
        <translation>Energie + Zeit</translation>
    </message>
    <message>
        <source>Day / night</source>
        <translation>Tag / Nacht</translation>
    </message>
    <message>
        <source>Power levels</source>
        <translation>Leistungsstufen</translation>
    </message>
    <message>
        <source>AC / DC</source>
        <translation>AC / DC</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Plugged time (duration)</source>
        <translation>Angesteckt (Dauer)</translation>
    </message>
    <message>
        <source>Charging time</source>
        <translation>Ladezeit</translation>
    </message>
    <message>
        <source>Parked time</source>
        <translation>Parkzeit</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Unique charging users</source>
        <translation>Verschiedene Ladenutzer</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Kein Vergleich</translation>
    </message>
    <message>
        <source>Preceding period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>Gleicher Zeitraum im Vorjahr</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Charging group</source>
        <translation>Ladegruppe</translation>
    </message>
    <message>
        <source>Charging user</source>
        <translation>Ladenutzer</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Nutzergruppe</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Charging point</source>
        <translation>Ladepunkt</translation>
    </message>
    <message>
        <source>Change station limit</source>
        <translation>Stationslimit ändern</translation>
    </message>
    <message>
        <source>Change group limit</source>
        <translation>Gruppenlimit ändern</translation>
    </message>
    <message>
        <source>User activation</source>
        <translation>Nutzeraktivierung</translation>
    </message>
    <message>
        <source>Activate group</source>
        <translation>Gruppe aktivieren</translation>
    </message>
    <message>
        <source>Firmware update</source>
        <translation>Firmware-Update</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Change availability</source>
        <translation>Verfügbarkeit ändern</translation>
    </message>
    <message>
        <source>Remote command</source>
        <translation>Fernbefehl</translation>
    </message>
    <message>
        <source>Invoice run</source>
        <translation>Rechnungslauf</translation>
    </message>
    <message>
        <source>Report by e-mail</source>
        <translation>Bericht per E-Mail</translation>
    </message>
    <message>
        <source>Circuit limit</source>
        <translation>Stromkreis-Limit</translation>
    </message>
    <message>
        <source>Case began</source>
        <translation>Fall begonnen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Auto-recovery</source>
        <translation>Auto-Wiederherstellung</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Fuse tripped</source>
        <translation>Sicherung ausgelöst</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>Sensorfehler</translation>
    </message>
    <message>
        <source>Other fault</source>
        <translation>Anderer Fehler</translation>
    </message>
    <message>
        <source>Session failed to start</source>
        <translation>Ladevorgang startete nicht</translation>
    </message>
    <message>
        <source>Load limit not applied</source>
        <translation>Lastgrenze nicht übernommen</translation>
    </message>
    <message>
        <source>Waiting for the station</source>
        <translation>Wartet auf die Station</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Wird installiert</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>Download fehlgeschlagen</translation>
    </message>
    <message>
        <source>Installation failed</source>
        <translation>Installation fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refused by the station</source>
        <translation>Von der Station abgelehnt</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Command failed</source>
        <translation>Befehl fehlgeschlagen</translation>
    </message>
    <message>
        <source>No result in time</source>
        <translation>Kein Ergebnis in der Zeit</translation>
    </message>
    <message>
        <source>Replaced by a newer roll-out</source>
        <translation>Durch ein neueres Rollout ersetzt</translation>
    </message>
    <message>
        <source>Waiting for the file</source>
        <translation>Wartet auf die Datei</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Station says uploaded</source>
        <translation>Laut Station hochgeladen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Upload fehlgeschlagen</translation>
    </message>
    <message>
        <source>No file in time</source>
        <translation>Keine Datei in der Zeit</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>Datei zu groß</translation>
    </message>
    <message>
        <source>Station has no diagnostics</source>
        <translation>Station hat keine Diagnosedaten</translation>
    </message>
    <message>
        <source>Accepted by the station</source>
        <translation>Von der Station angenommen</translation>
    </message>
    <message>
        <source>Rejected by the station</source>
        <translation>Von der Station abgelehnt</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Keine Antwort in der Zeit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Station not connected</source>
        <translation>Station nicht verbunden</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>Konfiguration ändern</translation>
    </message>
    <message>
        <source>Get configuration</source>
        <translation>Konfiguration lesen</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <source>Unlock connector</source>
        <translation>Anschluss entriegeln</translation>
    </message>
    <message>
        <source>Trigger message</source>
        <translation>Nachricht anfordern</translation>
    </message>
    <message>
        <source>Data transfer</source>
        <translation>Datenübertragung</translation>
    </message>
    <message>
        <source>Set charging profile</source>
        <translation>Ladeprofil setzen</translation>
    </message>
    <message>
        <source>Clear charging profile</source>
        <translation>Ladeprofil entfernen</translation>
    </message>
    <message>
        <source>Get local list version</source>
        <translation>Version der lokalen Liste abfragen</translation>
    </message>
    <message>
        <source>Get diagnostics</source>
        <translation>Diagnose anfordern</translation>
    </message>
    <message>
        <source>Update firmware</source>
        <translation>Firmware aktualisieren</translation>
    </message>
    <message>
        <source>Writing the CSV file…</source>
        <translation>CSV-Datei wird geschrieben…</translation>
    </message>
    <message>
        <source>Laying out the PDF…</source>
        <translation>PDF wird gesetzt…</translation>
    </message>
    <message>
        <source>{installed} installed, {failed} failed, {waiting} waiting</source>
        <translation>{installed} installiert, {failed} fehlgeschlagen, {waiting} wartend</translation>
    </message>
    <message>
        <source>Compared: {period}</source>
        <translation>Vergleich: {period}</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>{days}, all day</source>
        <translation>{days}, ganztägig</translation>
    </message>
    <message>
        <source>{price} per session</source>
        <translation>{price} pro Ladevorgang</translation>
    </message>
    <message>
        <source>{price}/min up to {kw} kW</source>
        <translation>{price}/min bis {kw} kW</translation>
    </message>
    <message>
        <source>day (from {time}) {prices}</source>
        <translation>Tag (ab {time}) {prices}</translation>
    </message>
    <message>
        <source>night (from {time}) {prices}</source>
        <translation>Nacht (ab {time}) {prices}</translation>
    </message>
    <message>
        <source>{fee} connection</source>
        <translation>{fee} Startgebühr</translation>
    </message>
    <message>
        <source>{current} {fee}/min from minute {minute}</source>
        <translation>{current} {fee}/min ab Minute {minute}</translation>
    </message>
    <message>
        <source>{fee}/min from minute {minute}</source>
        <translation>{fee}/min ab Minute {minute}</translation>
    </message>
    <message>
        <source>{fee}/h parking</source>
        <translation>{fee}/h Parken</translation>
    </message>
    <message>
        <source>0 (nothing charged)</source>
        <translation>0 (keine Berechnung)</translation>
    </message>
    <message>
        <source>at {time} ({zone})</source>
        <translation>um {time} ({zone})</translation>
    </message>
    <message>
        <source>Once on {date} {at}</source>
        <translation>Einmal am {date} {at}</translation>
    </message>
    <message>
        <source>Daily {at}</source>
        <translation>Täglich {at}</translation>
    </message>
    <message>
        <source>no day</source>
        <translation>kein Tag</translation>
    </message>
    <message>
        <source>Weekly on {days} {at}</source>
        <translation>Wöchentlich am {days} {at}</translation>
    </message>
    <message>
        <source>Monthly on the last day {at}</source>
        <translation>Monatlich am letzten Tag {at}</translation>
    </message>
    <message>
        <source>Monthly on day {day} (or the month&apos;s last day) {at}</source>
        <translation>Monatlich am {day}. (oder am letzten Tag des Monats) {at}</translation>
    </message>
    <message>
        <source>Monthly on day {day} {at}</source>
        <translation>Monatlich am {day}. {at}</translation>
    </message>
    <message>
        <source>{schedule} until {date}</source>
        <translation>{schedule} bis {date}</translation>
    </message>
    <message>
        <source>max {amps} A</source>
        <translation>max. {amps} A</translation>
    </message>
    <message>
        <source>{kind} reset</source>
        <translation>{kind}-Reset</translation>
    </message>
    <message>
        <source>station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>connector {id}</source>
        <translation>Anschluss {id}</translation>
    </message>
    <message>
        <source>previews and send</source>
        <translation>Vorschauen und Versand</translation>
    </message>
    <message>
        <source>previews only</source>
        <translation>nur Vorschauen</translation>
    </message>
    <message>
        <source>{formats} to {recipients}</source>
        <translation>{formats} an {recipients}</translation>
    </message>
    <message>
        <source>circuit max {amps} A per phase</source>
        <translation>Stromkreis max. {amps} A pro Phase</translation>
    </message>
</context>
<context>
    <name>RegisterTagDialog</name>
    <message>
        <source>Register this tag</source>
        <translation>Diese Karte registrieren</translation>
    </message>
    <message>
        <source>Token id:</source>
        <translation>Karten-ID:</translation>
    </message>
    <message>
        <source>Strip the vendor suffix</source>
        <translation>Herstellersuffix entfernen</translation>
    </message>
    <message>
        <source>Token name:</source>
        <translation>Kartenname:</translation>
    </message>
    <message>
        <source>optional, e.g. Blue key fob</source>
        <translation>optional, z. B. Blauer Schlüsselanhänger</translation>
    </message>
    <message>
        <source>Add to an existing user</source>
        <translation>Einem vorhandenen Nutzer hinzufügen</translation>
    </message>
    <message>
        <source>Create a new user</source>
        <translation>Neuen Nutzer anlegen</translation>
    </message>
    <message>
        <source>Existing charging user</source>
        <translation>Vorhandener Ladenutzer</translation>
    </message>
    <message>
        <source>Search name, e-mail or token id</source>
        <translation>Name, E-Mail oder Karten-ID suchen</translation>
    </message>
    <message>
        <source>New charging user</source>
        <translation>Neuer Ladenutzer</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Vorname:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Nachname:</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>User group:</source>
        <translation>Nutzergruppe:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Compared ({period})</source>
        <translation>Vergleich ({period})</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Saved reports</source>
        <translation>Gespeicherte Berichte</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>&amp;Metric</source>
        <translation>&amp;Kennzahl</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>&amp;Compare to</source>
        <translation>&amp;Vergleichen mit</translation>
    </message>
    <message>
        <source>&amp;Grain</source>
        <translation>&amp;Raster</translation>
    </message>
    <message>
        <source>&amp;Breakdown</source>
        <translation>&amp;Aufschlüsselung</translation>
    </message>
    <message>
        <source>Charging &amp;group</source>
        <translation>Lade&amp;gruppe</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <source>&amp;User group</source>
        <translation>&amp;Nutzergruppe</translation>
    </message>
    <message>
        <source>Charging us&amp;er</source>
        <translation>Lade&amp;nutzer</translation>
    </message>
    <message>
        <source>&amp;Tariff</source>
        <translation>&amp;Tarif</translation>
    </message>
    <message>
        <source>Connector t&amp;ype</source>
        <translation>Anschluss&amp;typ</translation>
    </message>
    <message>
        <source>AC / &amp;DC</source>
        <translation>AC / &amp;DC</translation>
    </message>
    <message>
        <source>Show data</source>
        <translation>Daten anzeigen</translation>
    </message>
    <message>
        <source>Share new reports with the site</source>
        <translation>Neue Berichte mit dem Standort teilen</translation>
    </message>
    <message>
        <source>Save as new…</source>
        <translation>Als neu speichern…</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exportieren…</translation>
    </message>
    <message>
        <source>Choose a report and press Show data.</source>
        <translation>Wählen Sie einen Bericht und drücken Sie Daten anzeigen.</translation>
    </message>
    <message>
        <source>AC and DC</source>
        <translation>AC und DC</translation>
    </message>
    <message>
        <source>All connector types</source>
        <translation>Alle Steckertypen</translation>
    </message>
    <message>
        <source>All groups you see</source>
        <translation>Alle Gruppen, die Sie sehen</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>Alle Stationen</translation>
    </message>
    <message>
        <source>All tariffs</source>
        <translation>Alle Tarife</translation>
    </message>
    <message>
        <source>All user groups</source>
        <translation>Alle Nutzergruppen</translation>
    </message>
    <message>
        <source>All charging users</source>
        <translation>Alle Ladenutzer</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>Zahlen werden berechnet…</translation>
    </message>
    <message>
        <source>The report could not be made: {error}</source>
        <translation>Der Bericht konnte nicht erstellt werden: {error}</translation>
    </message>
    <message>
        <source>{buckets}, made {time}.</source>
        <translation>{buckets}, erstellt um {time}.</translation>
    </message>
    <message>
        <source>No buckets.</source>
        <translation>Keine Zeitabschnitte.</translation>
    </message>
    <message>
        <source>The table shows the largest {shown} of {count}; the CSV has them all.</source>
        <translation>Die Tabelle zeigt die größten {shown} von {count}; die CSV-Datei enthält alle.</translation>
    </message>
    <message>
        <source>(none saved yet)</source>
        <translation>(noch keine gespeichert)</translation>
    </message>
    <message>
        <source>{name} (shared)</source>
        <translation>{name} (geteilt)</translation>
    </message>
    <message>
        <source>Reports — {name}</source>
        <translation>Berichte — {name}</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Name of the report:</source>
        <translation>Name des Berichts:</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved “{name}” for everyone on the site.</source>
        <translation>„{name}“ für alle am Standort gespeichert.</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete saved report</source>
        <translation>Gespeicherten Bericht löschen</translation>
    </message>
    <message>
        <source>Delete the saved report “{name}”? The figures stay; only its definition goes.</source>
        <translation>Gespeicherten Bericht „{name}“ löschen? Die Zahlen bleiben; nur seine Definition wird gelöscht.</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>„{name}“ gelöscht.</translation>
    </message>
    <message>
        <source>Export {kind}</source>
        <translation>{kind} exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting {kind}…</source>
        <translation>{kind} wird exportiert…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} gespeichert.</translation>
    </message>
</context>
<context>
    <name>RepriceDialog</name>
    <message>
        <source>Re-price the session</source>
        <translation>Ladevorgang neu bepreisen</translation>
    </message>
    <message>
        <source>Prices:</source>
        <translation>Preise:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
    <message>
        <source>Goes into the action log with the old and new amount</source>
        <translation>Kommt mit altem und neuem Betrag ins Aktionsprotokoll</translation>
    </message>
</context>
<context>
    <name>RotatePasswordButton</name>
    <message>
        <source>Rotate password</source>
        <translation>Passwort rotieren</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name} (inaktiv)</translation>
    </message>
    <message>
        <source>the whole site</source>
        <translation>der gesamte Standort</translation>
    </message>
    <message>
        <source>group {name} and its subgroups</source>
        <translation>Gruppe {name} mit ihren Untergruppen</translation>
    </message>
    <message>
        <source>a removed operator</source>
        <translation>ein gelöschter Bediener</translation>
    </message>
    <message>
        <source>after {seconds} s; not again within {minutes} min</source>
        <translation>nach {seconds} s; nicht erneut innerhalb von {minutes} min</translation>
    </message>
    <message>
        <source>; mail when resolved</source>
        <translation>; E-Mail bei Behebung</translation>
    </message>
    <message>
        <source>after {minutes} min Faulted</source>
        <translation>nach {minutes} min Faulted</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>↻ Retry</source>
        <translation>↻ Wiederholen</translation>
    </message>
    <message>
        <source>Retry the failed stations of this run</source>
        <translation>Die fehlgeschlagenen Stationen dieses Laufs wiederholen</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
</context>
<context>
    <name>SaveFailure</name>
    <message>
        <source>Could not save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>{failed} ({error}). Try again.</source>
        <translation>{failed} ({error}). Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>ScheduledTaskDialog</name>
    <message>
        <source>Add scheduled task</source>
        <translation>Geplante Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Task name</source>
        <translation>Name der Aufgabe</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Art der Aufgabe</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Max current</source>
        <translation>Maximalstrom</translation>
    </message>
    <message>
        <source> A</source>
        <translation> A</translation>
    </message>
    <message>
        <source>Current-limit key</source>
        <translation>Schlüssel für Stromgrenze</translation>
    </message>
    <message>
        <source>chargers without smart charging, e.g. MaxCurrent</source>
        <translation>Ladestationen ohne intelligentes Laden, z. B. MaxCurrent</translation>
    </message>
    <message>
        <source>Set to</source>
        <translation>Setzen auf</translation>
    </message>
    <message>
        <source>Firmware location</source>
        <translation>Ort der Firmware</translation>
    </message>
    <message>
        <source>https://… or ftp://…</source>
        <translation>https://… oder ftp://…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Connector (0 = station)</source>
        <translation>Anschluss (0 = Station)</translation>
    </message>
    <message>
        <source>Remote command</source>
        <translation>Fernbefehl</translation>
    </message>
    <message>
        <source>one per line: name = value</source>
        <translation>eine pro Zeile: Name = Wert</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Period: the invoice settings&apos; default period on the run date. Recipients: the charging user groups ticked under Targets, or every charging user with an e-mail address when none is ticked. Previews stay on the Invoices page.</source>
        <translation>Zeitraum: der Standardzeitraum der Rechnungseinstellungen am Ausführungstag. Empfänger: die unter Ziele angehakten Ladenutzergruppen oder, wenn keine angehakt ist, alle Ladenutzer mit E-Mail-Adresse. Vorschauen bleiben auf der Seite Rechnungen.</translation>
    </message>
    <message>
        <source>Saved report</source>
        <translation>Gespeicherter Bericht</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
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
        <translation>Senden an</translation>
    </message>
    <message>
        <source>name@example.com, other@example.com</source>
        <translation>name@example.com, andere@example.com</translation>
    </message>
    <message>
        <source>The report runs for its own period (such as last month) counted from the run date, and is mailed to each address with the files attached.</source>
        <translation>Der Bericht läuft für seinen eigenen Zeitraum (etwa den letzten Monat), gerechnet ab dem Ausführungstag, und wird an jede Adresse mit den Dateien im Anhang gesendet.</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Stromkreis</translation>
    </message>
    <message>
        <source>Max current per phase</source>
        <translation>Höchststrom je Phase</translation>
    </message>
    <message>
        <source>The circuit&apos;s limit is set at the task time and stays until changed again (for example a night limit task and a day limit task).</source>
        <translation>Die Grenze des Stromkreises wird zur Aufgabenzeit gesetzt und bleibt, bis sie wieder geändert wird (zum Beispiel eine Aufgabe für die Nachtgrenze und eine für die Taggrenze).</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>Days of week</source>
        <translation>Wochentage</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Day of month</source>
        <translation>Tag des Monats</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Offline stations</source>
        <translation>Offline-Stationen</translation>
    </message>
    <message>
        <source>wait up to</source>
        <translation>bis zu warten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Tick stations one by one, or a charging group for all its stations (subgroups too, as they are at run time).</source>
        <translation>Haken Sie Stationen einzeln an, oder eine Ladegruppe für alle ihre Stationen (auch Untergruppen, wie sie zur Laufzeit sind).</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stationen</translation>
    </message>
    <message>
        <source>Search charging users</source>
        <translation>Ladenutzer suchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>{day} (or the month&apos;s last day)</source>
        <translation>{day} (oder der letzte Tag des Monats)</translation>
    </message>
    <message>
        <source>Last day of the month</source>
        <translation>Letzter Tag des Monats</translation>
    </message>
    <message>
        <source>Chargers with smart charging get a charging profile (ChargePointMaxProfile). A charger without it gets this configuration key set to the current instead; leave it empty and such chargers fail with the reason.</source>
        <translation>Ladegeräte mit Smart Charging erhalten ein Ladeprofil (ChargePointMaxProfile). Bei einem Ladegerät ohne diese Funktion wird stattdessen dieser Konfigurationsschlüssel auf den Strom gesetzt; bleibt das Feld leer, schlagen solche Ladegeräte mit Begründung fehl.</translation>
    </message>
    <message>
        <source>A station that is offline when the task runs is waited for up to this long, then it fails as offline. 0: it fails at once.</source>
        <translation>Auf eine Station, die beim Lauf der Aufgabe offline ist, wird höchstens so lange gewartet; dann schlägt sie als offline fehl. 0: sofort fehlgeschlagen.</translation>
    </message>
    <message>
        <source>A ticked group: all its stations and subgroups&apos; stations, as they are at run time.</source>
        <translation>Eine angehakte Gruppe: alle ihre Stationen und die ihrer Untergruppen, wie sie zur Laufzeit sind.</translation>
    </message>
    <message>
        <source>Stations without a group</source>
        <translation>Stationen ohne Gruppe</translation>
    </message>
    <message>
        <source>Edit scheduled task {name}</source>
        <translation>Geplante Aufgabe {name} bearbeiten</translation>
    </message>
    <message>
        <source>Parameters: {names}</source>
        <translation>Parameter: {names}</translation>
    </message>
    <message>
        <source>{name} (optional)</source>
        <translation>{name} (optional)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Times are local to {zone}. Now: {now}</source>
        <translation>Zeiten gelten in {zone}. Jetzt: {now}</translation>
    </message>
    <message>
        <source>{schedule}. Next run: {when}.</source>
        <translation>{schedule}. Nächster Lauf: {when}.</translation>
    </message>
    <message>
        <source>{count} group(s)</source>
        <translation>{count} Gruppe(n)</translation>
    </message>
    <message>
        <source>{count} station(s)</source>
        <translation>{count} Station(en)</translation>
    </message>
    <message>
        <source>{count} user(s)</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} user group(s)</source>
        <translation>{count} Nutzergruppe(n)</translation>
    </message>
    <message>
        <source>Chosen: {targets}</source>
        <translation>Ausgewählt: {targets}</translation>
    </message>
    <message>
        <source>Chosen: nothing yet</source>
        <translation>Ausgewählt: noch nichts</translation>
    </message>
    <message>
        <source>Someone else changed this task since you opened it. Close this window and edit again.</source>
        <translation>Jemand anderes hat diese Aufgabe geändert, seit Sie sie geöffnet haben. Schließen Sie das Fenster und bearbeiten Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>ScheduledTasksPage</name>
    <message>
        <source>Scheduled tasks</source>
        <translation>Geplante Aufgaben</translation>
    </message>
    <message>
        <source>Tasks the site runs by itself: current limits, charging users and user groups made active or inactive, firmware updates, resets and any remote command. Times are the site&apos;s local time; every run shows in the Event feed with each station&apos;s outcome.</source>
        <translation>Aufgaben, die der Standort selbst ausführt: Stromgrenzen, Ladenutzer und Nutzergruppen aktiv oder inaktiv setzen, Firmware-Updates, Resets und beliebige Fernbefehle. Zeiten sind Ortszeit des Standorts; jeder Lauf erscheint im Ereignisprotokoll mit dem Ergebnis jeder Station.</translation>
    </message>
    <message>
        <source>Search for specific task</source>
        <translation>Bestimmte Aufgabe suchen</translation>
    </message>
    <message>
        <source>Add task…</source>
        <translation>Aufgabe hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Copy task</source>
        <translation>Aufgabe kopieren</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Event feed</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Select a date:</source>
        <translation>Datum wählen:</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Vorheriger Tag</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <source>Search for tasks…</source>
        <translation>Aufgaben suchen…</translation>
    </message>
    <message>
        <source>Choose a run to see each station&apos;s outcome.</source>
        <translation>Wählen Sie einen Lauf, um das Ergebnis jeder Station zu sehen.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Select task type (all)</source>
        <translation>Aufgabentyp wählen (alle)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Now: {time}</source>
        <translation>Jetzt: {time}</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
    <message>
        <source>Saved {name}. It is inactive: tick Active (Activate) when it should run.</source>
        <translation>{name} gespeichert. Die Aufgabe ist inaktiv: Haken Sie „Aktiv“ an (Aktivieren), wenn sie laufen soll.</translation>
    </message>
    <message>
        <source>Copied as {name} (inactive): edit it, then activate it.</source>
        <translation>Kopiert als {name} (inaktiv): bearbeiten und dann aktivieren.</translation>
    </message>
    <message>
        <source>{name} is active now.</source>
        <translation>{name} ist jetzt aktiv.</translation>
    </message>
    <message>
        <source>{name} is inactive now.</source>
        <translation>{name} ist jetzt inaktiv.</translation>
    </message>
    <message>
        <source>{name} runs now; its result appears in the Event feed.</source>
        <translation>{name} läuft jetzt; das Ergebnis erscheint im Ereignis-Feed.</translation>
    </message>
    <message>
        <source>Delete scheduled task</source>
        <translation>Geplante Aufgabe löschen</translation>
    </message>
    <message>
        <source>Delete the scheduled task {name}?</source>
        <translation>Geplante Aufgabe {name} löschen?</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Aufgabe löschen</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} gelöscht.</translation>
    </message>
    <message>
        <source>Its past runs stay in the Event feed.</source>
        <translation>Ihre früheren Läufe bleiben im Ereignis-Feed.</translation>
    </message>
    <message>
        <source>{task}: {summary} ({ok} of {total} OK)</source>
        <translation>{task}: {summary} ({ok} von {total} OK)</translation>
    </message>
    <message>
        <source>Made {name} for the failed targets; it runs at {time}.</source>
        <translation>{name} für die fehlgeschlagenen Ziele erstellt; sie läuft um {time}.</translation>
    </message>
    <message>
        <source>Made {name}.</source>
        <translation>{name} erstellt.</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search stations, users, tokens, sessions, groups, locations…</source>
        <translation>Stationen, Nutzer, Ladekarten, Ladevorgänge, Gruppen, Standorte suchen…</translation>
    </message>
    <message>
        <source>Type a name, an identity, an e-mail, a token id or a session number. ↑ ↓ choose, Enter opens, Esc closes.</source>
        <translation>Geben Sie einen Namen, eine Kennung, eine E-Mail-Adresse, eine Ladekarten-ID oder eine Vorgangsnummer ein. ↑&#xa0;↓ wählen, Enter öffnet, Esc schließt.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <source>Type at least two characters.</source>
        <translation>Geben Sie mindestens zwei Zeichen ein.</translation>
    </message>
</context>
<context>
    <name>ServiceParams</name>
    <message>
        <source>A report by e-mail has no targets: the saved report says what it covers, and the addresses under Parameters receive it.</source>
        <translation>Ein Bericht per E-Mail hat keine Ziele: Der gespeicherte Bericht legt fest, was er umfasst, und die Adressen unter Parameter erhalten ihn.</translation>
    </message>
    <message>
        <source>A circuit limit has no targets: the circuit chosen under Parameters is changed.</source>
        <translation>Ein Stromkreis-Limit hat keine Ziele: Der unter Parameter gewählte Stromkreis wird geändert.</translation>
    </message>
    <message>
        <source>Tick the charging user groups to invoice, or none for every charging user with an e-mail address.</source>
        <translation>Haken Sie die zu berechnenden Nutzergruppen an, oder keine für jeden Ladenutzer mit E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Tick the charging user groups to make active or inactive.</source>
        <translation>Haken Sie die Nutzergruppen an, die aktiviert oder deaktiviert werden.</translation>
    </message>
    <message>
        <source>Make previews only</source>
        <translation>Nur Vorschauen erstellen</translation>
    </message>
    <message>
        <source>Make previews and send them</source>
        <translation>Vorschauen erstellen und senden</translation>
    </message>
    <message>
        <source>{name} (shared)</source>
        <translation>{name} (geteilt)</translation>
    </message>
    <message>
        <source>No saved reports: save one on the Reports page</source>
        <translation>Keine gespeicherten Berichte: Speichern Sie einen auf der Seite Berichte</translation>
    </message>
    <message>
        <source>{name} (now {amps} A)</source>
        <translation>{name} (jetzt {amps} A)</translation>
    </message>
    <message>
        <source>No circuits: add them on the Load management page</source>
        <translation>Keine Stromkreise: Legen Sie sie auf der Seite Lastmanagement an</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Charging session</source>
        <translation>Ladevorgang</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Wer:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>Energy:</source>
        <translation>Energie:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Kosten:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Double-click an entry (or press “Show OCPP frame…”) to read the message itself.</source>
        <translation>Doppelklicken Sie einen Eintrag (oder drücken Sie „OCPP-Frame anzeigen…“), um die Nachricht selbst zu lesen.</translation>
    </message>
    <message>
        <source>Show OCPP frame…</source>
        <translation>OCPP-Frame anzeigen…</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Energy and power</source>
        <translation>Energie und Leistung</translation>
    </message>
    <message>
        <source>End session…</source>
        <translation>Ladevorgang beenden…</translation>
    </message>
    <message>
        <source>Unlock connector…</source>
        <translation>Anschluss entriegeln…</translation>
    </message>
    <message>
        <source>Re-price…</source>
        <translation>Neu bepreisen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation>Nur markierte</translation>
    </message>
    <message>
        <source>Only sessions with plausibility flags (stop below start, suspicious time, late stop, …)</source>
        <translation>Nur Ladevorgänge mit Plausibilitätsmarken (Ende unter Beginn, verdächtige Zeit, späte Beendigung, …)</translation>
    </message>
    <message>
        <source>Search station, id tag or user name</source>
        <translation>Station, ID-Tag oder Nutzername suchen</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 60 days</source>
        <translation>Letzte 60 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All charging groups</source>
        <translation>Alle Ladegruppen</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>Alle Stationen</translation>
    </message>
    <message>
        <source>All charging users</source>
        <translation>Alle Ladenutzer</translation>
    </message>
    <message>
        <source>All user groups</source>
        <translation>Alle Nutzergruppen</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>Alle Ladekarten</translation>
    </message>
    <message>
        <source>{count} session shown</source>
        <translation>{count} Ladevorgang angezeigt</translation>
    </message>
    <message>
        <source>{count} sessions shown</source>
        <translation>{count} Ladevorgänge angezeigt</translation>
    </message>
    <message>
        <source>Export charging sessions</source>
        <translation>Ladevorgänge exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting charging sessions…</source>
        <translation>Ladevorgänge werden exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Exported {done} of {total} sessions…</source>
        <translation>{done} von {total} Ladevorgängen exportiert…</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Exported {rows} sessions to {path}.</source>
        <translation>{rows} Ladevorgänge nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Failed: {error}. Try again.</source>
        <translation>Fehlgeschlagen: {error}. Versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>SharedDatabasePage</name>
    <message>
        <source>Shared database</source>
        <translation>Gemeinsame Datenbank</translation>
    </message>
    <message>
        <source>Several seats of one site keep their own data and share it through a PostgreSQL database on the site&apos;s network. Each seat keeps working when that database cannot be reached, and catches up when it returns. These settings belong to this seat; the password is kept in this computer&apos;s keychain.</source>
        <translation>Mehrere Arbeitsplätze eines Standorts führen ihre eigenen Daten und teilen sie über eine PostgreSQL-Datenbank im Netz des Standorts. Jeder Arbeitsplatz arbeitet weiter, wenn die Datenbank nicht erreichbar ist, und holt auf, sobald sie zurück ist. Diese Einstellungen gelten für diesen Arbeitsplatz; das Passwort liegt im Schlüsselbund dieses Computers.</translation>
    </message>
    <message>
        <source>Sync this seat with the shared database</source>
        <translation>Diesen Arbeitsplatz mit der gemeinsamen Datenbank abgleichen</translation>
    </message>
    <message>
        <source>Seat name:</source>
        <translation>Arbeitsplatzname:</translation>
    </message>
    <message>
        <source>e.g. Workshop — unique on the site</source>
        <translation>z. B. Werkstatt — eindeutig am Standort</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>the PostgreSQL server on the LAN, e.g. db.depot.lan</source>
        <translation>der PostgreSQL-Server im LAN, z. B. db.depot.lan</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>evdesk</source>
        <translation>evdesk</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>leave empty to keep the stored one</source>
        <translation>leer lassen, um das gespeicherte zu behalten</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>only for verify-full with the site&apos;s own CA; empty: this computer&apos;s CAs</source>
        <translation>nur für verify-full mit der eigenen CA des Standorts; leer: die CAs dieses Computers</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Agree and join the site</source>
        <translation>Zustimmen und dem Standort beitreten</translation>
    </message>
    <message>
        <source>Conflicts: edits that lost to another seat&apos;s edit of the same record</source>
        <translation>Konflikte: Änderungen, die gegen die Änderung desselben Datensatzes an einem anderen Arbeitsplatz verloren haben</translation>
    </message>
    <message>
        <source>When two seats changed the same record while they could not see each other, the higher version won (then the later change). The values that lost are listed here: re-enter them if they were the right ones.</source>
        <translation>Haben zwei Arbeitsplätze denselben Datensatz geändert, während sie sich nicht sehen konnten, gewann die höhere Version (danach die spätere Änderung). Die verworfenen Werte stehen hier: geben Sie sie erneut ein, wenn sie die richtigen waren.</translation>
    </message>
    <message>
        <source>Off (a trusted network only)</source>
        <translation>Aus (nur in einem vertrauenswürdigen Netz)</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>Wenn der Server es anbietet</translation>
    </message>
    <message>
        <source>Always (the certificate is not checked)</source>
        <translation>Immer (das Zertifikat wird nicht geprüft)</translation>
    </message>
    <message>
        <source>Always, and check the server&apos;s certificate and name</source>
        <translation>Immer, mit Prüfung von Zertifikat und Namen des Servers</translation>
    </message>
    <message>
        <source>Shared database: unreachable since {time} ({detail})</source>
        <translation>Gemeinsame Datenbank: nicht erreichbar seit {time} ({detail})</translation>
    </message>
    <message>
        <source>Shared database: connected</source>
        <translation>Gemeinsame Datenbank: verbunden</translation>
    </message>
    <message>
        <source>Shared database: connecting…</source>
        <translation>Gemeinsame Datenbank: Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Shared database: waiting for your consent. {detail}</source>
        <translation>Gemeinsame Datenbank: wartet auf Ihre Zustimmung. {detail}</translation>
    </message>
    <message>
        <source>Shared database: not used — {detail}</source>
        <translation>Gemeinsame Datenbank: nicht verwendet — {detail}</translation>
    </message>
    <message>
        <source>Shared database: not used by this seat</source>
        <translation>Gemeinsame Datenbank: an diesem Arbeitsplatz nicht verwendet</translation>
    </message>
    <message>
        <source>Kept in this computer&apos;s keychain, never in a file or a database. Type a new one to replace the stored one.</source>
        <translation>Liegt im Schlüsselbund dieses Computers, nie in einer Datei oder Datenbank. Geben Sie ein neues ein, um das gespeicherte zu ersetzen.</translation>
    </message>
    <message>
        <source>Use “Always, and check…” when the database is reached over a network you do not control.</source>
        <translation>Verwenden Sie „Immer, mit Prüfung…“, wenn die Datenbank über ein Netz erreicht wird, das Sie nicht kontrollieren.</translation>
    </message>
    <message>
        <source>Trying to connect…</source>
        <translation>Verbindung wird versucht…</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Nichts wurde gespeichert: korrigieren Sie die rot markierten Felder.</translation>
    </message>
    <message>
        <source>Saved. The seat connects now.</source>
        <translation>Gespeichert. Der Arbeitsplatz verbindet sich jetzt.</translation>
    </message>
    <message>
        <source>Saved. This seat no longer syncs.</source>
        <translation>Gespeichert. Dieser Arbeitsplatz gleicht nicht mehr ab.</translation>
    </message>
    <message>
        <source>Shared database settings saved.</source>
        <translation>Einstellungen der gemeinsamen Datenbank gespeichert.</translation>
    </message>
</context>
<context>
    <name>SiteSettingsPage</name>
    <message>
        <source>Site settings</source>
        <translation>Standorteinstellungen</translation>
    </message>
    <message>
        <source>These settings are kept in the site&apos;s database. Saved changes apply immediately to the running OCPP server; no restart is needed.</source>
        <translation>Diese Einstellungen liegen in der Datenbank des Standorts. Gespeicherte Änderungen gelten sofort für den laufenden OCPP-Server; kein Neustart nötig.</translation>
    </message>
    <message>
        <source>The site settings were changed by someone else. Reload them and try again.</source>
        <translation>Die Standorteinstellungen wurden von jemand anderem geändert. Laden Sie sie neu und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Discard your edits and show the settings as they are now</source>
        <translation>Ihre Änderungen verwerfen und die Einstellungen zeigen, wie sie jetzt sind</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>Name des Standorts:</translation>
    </message>
    <message>
        <source>Shown in the window title, the log-in window and the e-mails evdesk sends operators.</source>
        <translation>Erscheint im Fenstertitel, im Anmeldefenster und in den E-Mails, die evdesk an Operatoren sendet.</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source>Every screen shows times in this zone and names it. A change applies to every screen at once.</source>
        <translation>Jede Ansicht zeigt Zeiten in dieser Zone und nennt sie. Eine Änderung gilt sofort für alle Ansichten.</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <source>Three-letter code (ISO 4217) of the site&apos;s currency, e.g. EUR.</source>
        <translation>Dreibuchstabiger Code (ISO 4217) der Währung des Standorts, z. B. EUR.</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stationen</translation>
    </message>
    <message>
        <source>Unknown stations:</source>
        <translation>Unbekannte Stationen:</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Only stations added here may connect; others are turned away.</source>
        <translation>Nur hier angelegte Stationen dürfen sich verbinden; andere werden abgewiesen.</translation>
    </message>
    <message>
        <source>Hold as pending for adoption (recommended)</source>
        <translation>Als ausstehend zur Übernahme halten (empfohlen)</translation>
    </message>
    <message>
        <source>They may connect and are listed as pending; they cannot charge until an administrator adopts them.</source>
        <translation>Sie dürfen sich verbinden und werden als ausstehend gelistet; sie können nicht laden, bis ein Administrator sie übernimmt.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>They are added and may charge at once. Use only on a closed network.</source>
        <translation>Sie werden angelegt und dürfen sofort laden. Nur in einem geschlossenen Netz verwenden.</translation>
    </message>
    <message>
        <source>Heartbeat interval:</source>
        <translation>Heartbeat-Intervall:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>For stations added from now on (each station keeps its own, in its settings).</source>
        <translation>Für ab jetzt angelegte Stationen (jede Station behält ihr eigenes, in ihren Einstellungen).</translation>
    </message>
    <message>
        <source>Meter-value interval:</source>
        <translation>Messwert-Intervall:</translation>
    </message>
    <message>
        <source>How often a new station reports meter readings while charging.</source>
        <translation>Wie oft eine neue Station beim Laden Zählerstände meldet.</translation>
    </message>
    <message>
        <source>Temporarily unavailable after:</source>
        <translation>Vorübergehend nicht verfügbar nach:</translation>
    </message>
    <message>
        <source>A station silent this long is shown as temporarily unavailable.</source>
        <translation>Eine so lange stille Station wird als vorübergehend nicht verfügbar gezeigt.</translation>
    </message>
    <message>
        <source>Long-term unavailable after:</source>
        <translation>Langfristig nicht verfügbar nach:</translation>
    </message>
    <message>
        <source>A station silent this long is shown as long-term unavailable. Must be longer than the above.</source>
        <translation>Eine so lange stille Station wird als langfristig nicht verfügbar gezeigt. Muss länger sein als oben.</translation>
    </message>
    <message>
        <source>Command timeout:</source>
        <translation>Befehls-Timeout:</translation>
    </message>
    <message>
        <source>How long to wait for a station to answer a command.</source>
        <translation>Wie lange auf die Antwort einer Station auf einen Befehl gewartet wird.</translation>
    </message>
    <message>
        <source>Remote start timeout:</source>
        <translation>Fernstart-Timeout:</translation>
    </message>
    <message>
        <source>After a station accepts a remote start, how long a session may take to begin.</source>
        <translation>Nachdem eine Station einen Fernstart annimmt, wie lange der Beginn eines Ladevorgangs dauern darf.</translation>
    </message>
    <message>
        <source>Quiet time after boot:</source>
        <translation>Ruhezeit nach dem Start:</translation>
    </message>
    <message>
        <source>No commands are sent this soon after a station boots (chargers are busy starting up).</source>
        <translation>So bald nach dem Start einer Station werden keine Befehle gesendet (Ladestationen sind mit dem Hochfahren beschäftigt).</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>Close inactive sessions after:</source>
        <translation>Inaktive Ladevorgänge schließen nach:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A session with no sign of life from its station for this long is closed at its last real meter reading.</source>
        <translation>Ein Ladevorgang ohne Lebenszeichen seiner Station seit so langer Zeit wird beim letzten echten Zählerstand geschlossen.</translation>
    </message>
    <message>
        <source>Flag station times off by more than:</source>
        <translation>Stationszeiten markieren, die abweichen um mehr als:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Session times further than this from this computer&apos;s clock are flagged as suspicious (a wrong station clock).</source>
        <translation>Ladezeiten, die weiter als dies von der Uhr dieses Computers abweichen, werden als verdächtig markiert (falsche Stationsuhr).</translation>
    </message>
    <message>
        <source>Boot storm</source>
        <translation>Boot-Sturm</translation>
    </message>
    <message>
        <source>Accept at most:</source>
        <translation>Höchstens annehmen:</translation>
    </message>
    <message>
        <source> boots/s</source>
        <translation> Starts/s</translation>
    </message>
    <message>
        <source>When more stations boot at once (e.g. after a power cut), the rest are told to retry later, each at its own time.</source>
        <translation>Wenn mehr Stationen gleichzeitig starten (z. B. nach einem Stromausfall), werden die übrigen gebeten, es später zu versuchen, jede zu ihrer eigenen Zeit.</translation>
    </message>
    <message>
        <source>Retry after at least:</source>
        <translation>Erneut versuchen frühestens nach:</translation>
    </message>
    <message>
        <source>Retry after at most:</source>
        <translation>Erneut versuchen spätestens nach:</translation>
    </message>
    <message>
        <source>The wait given to a station that is told to retry. The maximum must not be below the minimum.</source>
        <translation>Die Wartezeit für eine Station, die es erneut versuchen soll. Das Maximum darf nicht unter dem Minimum liegen.</translation>
    </message>
    <message>
        <source>Communication log and messages</source>
        <translation>Kommunikationsprotokoll und Nachrichten</translation>
    </message>
    <message>
        <source>Keep messages for:</source>
        <translation>Nachrichten aufbewahren:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Older messages are deleted from the communication log (checked every hour).</source>
        <translation>Ältere Nachrichten werden aus dem Kommunikationsprotokoll gelöscht (stündlich geprüft).</translation>
    </message>
    <message>
        <source>Keep at most:</source>
        <translation>Höchstens aufbewahren:</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> Nachrichten</translation>
    </message>
    <message>
        <source>Above this, the oldest messages are deleted.</source>
        <translation>Darüber werden die ältesten Nachrichten gelöscht.</translation>
    </message>
    <message>
        <source>Largest message accepted:</source>
        <translation>Größte angenommene Nachricht:</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>A larger message from a station gets an error answer (above 1024 KiB the connection is closed).</source>
        <translation>Eine größere Nachricht einer Station erhält eine Fehlerantwort (über 1024 KiB wird die Verbindung geschlossen).</translation>
    </message>
    <message>
        <source>Firmware and diagnostics files</source>
        <translation>Firmware- und Diagnosedateien</translation>
    </message>
    <message>
        <source>Largest firmware file:</source>
        <translation>Größte Firmware-Datei:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>An admin&apos;s upload above this is refused.</source>
        <translation>Der Upload eines Administrators darüber wird abgelehnt.</translation>
    </message>
    <message>
        <source>Largest diagnostics file:</source>
        <translation>Größte Diagnosedatei:</translation>
    </message>
    <message>
        <source>A station&apos;s upload above this is cut off and not kept.</source>
        <translation>Der Upload einer Station darüber wird abgebrochen und nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>Diagnostics arrive within:</source>
        <translation>Diagnose kommt an innerhalb von:</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>A requested file that has not arrived by then is reported in the diagnostics log.</source>
        <translation>Eine angeforderte Datei, die bis dahin nicht angekommen ist, wird im Diagnoseprotokoll gemeldet.</translation>
    </message>
    <message>
        <source>Firmware links valid for:</source>
        <translation>Firmware-Links gültig für:</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>After the install time; a station that has not installed or failed by then is reported.</source>
        <translation>Nach der Installationszeit; eine Station, die bis dahin weder installiert hat noch gescheitert ist, wird gemeldet.</translation>
    </message>
    <message>
        <source>HTTP file port:</source>
        <translation>HTTP-Dateiport:</translation>
    </message>
    <message>
        <source>Stations download and upload files here (on the OCPP server&apos;s address). Takes effect at the next start.</source>
        <translation>Stationen laden hier Dateien herunter und hoch (an der Adresse des OCPP-Servers). Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>FTP port:</source>
        <translation>FTP-Port:</translation>
    </message>
    <message>
        <source>Opened only while an FTP transfer is expected, with a one-time login per transfer; a change applies to the next one. 0 = any free port.</source>
        <translation>Nur geöffnet, während eine FTP-Übertragung erwartet wird, mit einem Einmal-Login je Übertragung; eine Änderung gilt für die nächste. 0 = beliebiger freier Port.</translation>
    </message>
    <message>
        <source>Operators and e-mail</source>
        <translation>Operatoren und E-Mail</translation>
    </message>
    <message>
        <source>Log-in valid for:</source>
        <translation>Anmeldung gültig für:</translation>
    </message>
    <message>
        <source>After this long the window locks and asks for the password again.</source>
        <translation>Nach dieser Zeit sperrt sich das Fenster und fragt erneut nach dem Passwort.</translation>
    </message>
    <message>
        <source>Mail server (SMTP):</source>
        <translation>Mailserver (SMTP):</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>z. B. smtp.example.com</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>empty when the server needs no log-in</source>
        <translation>leer, wenn der Server keine Anmeldung braucht</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Absenderadresse:</translation>
    </message>
    <message>
        <source>e.g. evdesk@example.com</source>
        <translation>z. B. evdesk@example.com</translation>
    </message>
    <message>
        <source>Test e-mail to:</source>
        <translation>Test-E-Mail an:</translation>
    </message>
    <message>
        <source>your address</source>
        <translation>Ihre Adresse</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Test-E-Mail senden</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Discard your edits and show the settings in force</source>
        <translation>Ihre Änderungen verwerfen und die geltenden Einstellungen zeigen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Temporarily unavailable</source>
        <translation>Kurzzeitig offline</translation>
    </message>
    <message>
        <source>Long-term unavailable</source>
        <translation>Langzeitig offline</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Nie verbunden</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Closed (no stop)</source>
        <translation>Geschlossen (ohne Stopp)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Issue detected</source>
        <translation>Problem erkannt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>no charging points</source>
        <translation>keine Ladepunkte</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>lädt</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>reporting an issue</source>
        <translation>meldet ein Problem</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Without a group</source>
        <translation>Ohne Gruppe</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Kostenlos</translation>
    </message>
    <message>
        <source>  (pending)</source>
        <translation>  (ausstehend)</translation>
    </message>
    <message>
        <source>  (rejected)</source>
        <translation>  (abgelehnt)</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Analyst (read only)</source>
        <translation>Analyst (nur lesen)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>Lädt</translation>
    </message>
    <message>
        <source>SuspendedEV</source>
        <translation>Pausiert (Fahrzeug)</translation>
    </message>
    <message>
        <source>SuspendedEVSE</source>
        <translation>Pausiert (Station)</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Faulted</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>Add station</source>
        <translation>Station hinzufügen</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Kennung:</translation>
    </message>
    <message>
        <source>as configured in the charger, e.g. DEPOT-AC-01</source>
        <translation>wie in der Ladestation eingestellt, z. B. DEPOT-AC-01</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>free text; the identifier when empty</source>
        <translation>freier Text; leer die Kennung</translation>
    </message>
    <message>
        <source>Charging group:</source>
        <translation>Ladegruppe:</translation>
    </message>
    <message>
        <source>Connectors:</source>
        <translation>Anschlüsse:</translation>
    </message>
    <message>
        <source>Password (optional):</source>
        <translation>Passwort (optional):</translation>
    </message>
    <message>
        <source>basic authentication (security profile 1)</source>
        <translation>Basic-Authentifizierung (Sicherheitsprofil 1)</translation>
    </message>
</context>
<context>
    <name>StationHardwareDialog</name>
    <message>
        <source>Station details</source>
        <translation>Stationsdetails</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>System status:</source>
        <translation>Systemstatus:</translation>
    </message>
    <message>
        <source>Integration date:</source>
        <translation>Inbetriebnahme:</translation>
    </message>
    <message>
        <source>Known:</source>
        <translation>Bekannt:</translation>
    </message>
    <message>
        <source>When the charger was put into service (for maintenance scheduling)</source>
        <translation>Wann die Ladestation in Betrieb genommen wurde (für die Wartungsplanung)</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>&lt;b&gt;Charging points (EVSEs)&lt;/b&gt; — double-click a cell to edit it</source>
        <translation>&lt;b&gt;Ladepunkte (EVSEs)&lt;/b&gt; — Doppelklick auf eine Zelle, um sie zu bearbeiten</translation>
    </message>
    <message>
        <source>Add charging point</source>
        <translation>Ladepunkt hinzufügen</translation>
    </message>
    <message>
        <source>Remove charging point</source>
        <translation>Ladepunkt entfernen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sockets and cables&lt;/b&gt; of the selected charging point</source>
        <translation>&lt;b&gt;Steckdosen und Kabel&lt;/b&gt; des ausgewählten Ladepunkts</translation>
    </message>
    <message>
        <source>Add socket</source>
        <translation>Steckdose hinzufügen</translation>
    </message>
    <message>
        <source>A charging point has at most 4 sockets or cables</source>
        <translation>Ein Ladepunkt hat höchstens 4 Steckdosen oder Kabel</translation>
    </message>
    <message>
        <source>Remove socket</source>
        <translation>Steckdose entfernen</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>Als Vorlage speichern…</translation>
    </message>
    <message>
        <source>Save these charging points and the station&apos;s settings as a template for new stations</source>
        <translation>Diese Ladepunkte und die Einstellungen der Station als Vorlage für neue Stationen speichern</translation>
    </message>
</context>
<context>
    <name>StationLogTabs</name>
    <message>
        <source>Hardware status</source>
        <translation>Hardwarestatus</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Write the whole log of this tab to a CSV file</source>
        <translation>Das ganze Protokoll dieses Tabs in eine CSV-Datei schreiben</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <source>‹ Stations</source>
        <translation>‹ Stationen</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>Event feed</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>‹ Previous day</source>
        <translation>‹ Vorheriger Tag</translation>
    </message>
    <message>
        <source>yyyy-MM-dd (ddd)</source>
        <translation>ddd, dd.MM.yyyy</translation>
    </message>
    <message>
        <source>Next day ›</source>
        <translation>Nächster Tag ›</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>OCPP status:</source>
        <translation>OCPP-Status:</translation>
    </message>
    <message>
        <source>Error type:</source>
        <translation>Fehlertyp:</translation>
    </message>
    <message>
        <source>Communication log</source>
        <translation>Kommunikationsprotokoll</translation>
    </message>
    <message>
        <source>Find in action or payload (loaded rows)</source>
        <translation>In Aktion oder Nutzdaten suchen (geladene Zeilen)</translation>
    </message>
    <message>
        <source>→ sent to the station    ← received from the station</source>
        <translation>→ an die Station gesendet    ← von der Station empfangen</translation>
    </message>
    <message>
        <source>Select a message to see its payload.</source>
        <translation>Wählen Sie eine Nachricht, um ihre Nutzdaten zu sehen.</translation>
    </message>
    <message>
        <source>Action log</source>
        <translation>Aktionsprotokoll</translation>
    </message>
    <message>
        <source>Network log</source>
        <translation>Netzwerkprotokoll</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>The station&apos;s configuration keys as last read from it.</source>
        <translation>Die Konfigurationsschlüssel der Station, wie zuletzt von ihr gelesen.</translation>
    </message>
    <message>
        <source>Find a key or value</source>
        <translation>Schlüssel oder Wert suchen</translation>
    </message>
    <message>
        <source>Refresh configuration…</source>
        <translation>Konfiguration aktualisieren…</translation>
    </message>
    <message>
        <source>Read every configuration key from the station now (GetConfiguration)</source>
        <translation>Alle Konfigurationsschlüssel jetzt von der Station lesen (GetConfiguration)</translation>
    </message>
    <message>
        <source>Days in {zone}</source>
        <translation>Tage in {zone}</translation>
    </message>
    <message>
        <source>Station removed</source>
        <translation>Station entfernt</translation>
    </message>
    <message>
        <source>Your role cannot send commands.</source>
        <translation>Ihre Rolle kann keine Befehle senden.</translation>
    </message>
    <message>
        <source>Name, group, access, intervals, password; delete the station</source>
        <translation>Name, Gruppe, Zugang, Intervalle, Passwort; Station löschen</translation>
    </message>
    <message>
        <source>Only admin operators can edit charging stations.</source>
        <translation>Nur Administratoren können Ladestationen bearbeiten.</translation>
    </message>
    <message>
        <source>Identifier {identity}</source>
        <translation>Kennung {identity}</translation>
    </message>
    <message>
        <source>firmware {version}</source>
        <translation>Firmware {version}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>security profile {profile}</source>
        <translation>Sicherheitsprofil {profile}</translation>
    </message>
    <message>
        <source>firmware update: {status}</source>
        <translation>Firmware-Update: {status}</translation>
    </message>
    <message>
        <source>registration: {registration}</source>
        <translation>Registrierung: {registration}</translation>
    </message>
    <message>
        <source>whole station: {status}</source>
        <translation>ganze Station: {status}</translation>
    </message>
    <message>
        <source>last seen {time} {zone} ({ago})</source>
        <translation>zuletzt gesehen {time} {zone} ({ago})</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>tariff group {name} ({source})</source>
        <translation>Tarifgruppe {name} ({source})</translation>
    </message>
    <message>
        <source>no tariff group: sessions are free</source>
        <translation>keine Tarifgruppe: Laden ist kostenlos</translation>
    </message>
    <message>
        <source>; connector {connector}: {name}</source>
        <translation>; Anschluss {connector}: {name}</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All error types</source>
        <translation>Alle Fehlertypen</translation>
    </message>
    <message>
        <source>→ sent to the station</source>
        <translation>→ an die Station gesendet</translation>
    </message>
    <message>
        <source>← received from the station</source>
        <translation>← von der Station empfangen</translation>
    </message>
    <message>
        <source>Reading the stored keys…</source>
        <translation>Gespeicherte Schlüssel werden gelesen…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>Compatibility</source>
        <translation>Kompatibilität</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Location, system status, integration date, charging points (EVSEs) and sockets</source>
        <translation>Standort, Systemstatus, Inbetriebnahme, Ladepunkte (EVSEs) und Steckdosen</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Sessions started at this station in the last 24 hours, the charging points they used and their energy</source>
        <translation>In den letzten 24 Stunden an dieser Station begonnene Ladevorgänge, die genutzten Ladepunkte und ihre Energie</translation>
    </message>
    <message>
        <source>charging event</source>
        <translation>Ladevorgang</translation>
    </message>
    <message>
        <source>charging events</source>
        <translation>Ladevorgänge</translation>
    </message>
    <message>
        <source>charging point</source>
        <translation>Ladepunkt</translation>
    </message>
    <message>
        <source>charging points</source>
        <translation>Ladepunkte</translation>
    </message>
    <message>
        <source>Last 24 hours: &lt;b&gt;{sessions}&lt;/b&gt; {events} · &lt;b&gt;{points_used}&lt;/b&gt; {points} · &lt;b&gt;{energy}&lt;/b&gt; kWh</source>
        <translation>Letzte 24 Stunden: &lt;b&gt;{sessions}&lt;/b&gt; {events} · &lt;b&gt;{points_used}&lt;/b&gt; {points} · &lt;b&gt;{energy}&lt;/b&gt; kWh</translation>
    </message>
</context>
<context>
    <name>StationSettingsDialog</name>
    <message>
        <source>Station settings</source>
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <source>This station was changed by someone else. Reload it and try again.</source>
        <translation>Diese Station wurde von jemand anderem geändert. Laden Sie sie neu und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Discard your edits and show the station as it is now</source>
        <translation>Ihre Änderungen verwerfen und die Station zeigen, wie sie jetzt ist</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Charging group:</source>
        <translation>Ladegruppe:</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>Zugang:</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Anyone with a valid, active charging token may charge.</source>
        <translation>Jeder mit einer gültigen, aktiven Ladekarte darf laden.</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Only charging users given rights to this station may charge.</source>
        <translation>Nur Ladenutzer mit Rechten an dieser Station dürfen laden.</translation>
    </message>
    <message>
        <source>Free charging</source>
        <translation>Kostenloses Laden</translation>
    </message>
    <message>
        <source>No identification: anyone can plug in and charge.</source>
        <translation>Keine Identifizierung: Jeder kann einstecken und laden.</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Location, contact, anything the next operator should know</source>
        <translation>Standort, Kontakt, alles, was der nächste Operator wissen sollte</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Heartbeat interval:</source>
        <translation>Heartbeat-Intervall:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Meter-value interval:</source>
        <translation>Messwert-Intervall:</translation>
    </message>
    <message>
        <source>Both intervals are sent to the station at its next boot: a change takes effect when it restarts.</source>
        <translation>Beide Intervalle werden der Station beim nächsten Start gesendet: Eine Änderung gilt, wenn sie neu startet.</translation>
    </message>
    <message>
        <source>Accept RFID tags with a vendor suffix</source>
        <translation>RFID-Karten mit Herstellersuffix annehmen</translation>
    </message>
    <message>
        <source>A tag the station sends as 04A2B3C4_serial is also recognised as 04A2B3C4.</source>
        <translation>Eine Karte, die die Station als 04A2B3C4_serial sendet, wird auch als 04A2B3C4 erkannt.</translation>
    </message>
    <message>
        <source>Skip schema validation</source>
        <translation>Schemaprüfung überspringen</translation>
    </message>
    <message>
        <source>For firmware that sends invalid messages: messages that break the OCPP schema are accepted anyway. Use only for firmware known to need it.</source>
        <translation>Für Firmware, die ungültige Nachrichten sendet: Nachrichten, die das OCPP-Schema verletzen, werden trotzdem angenommen. Nur für Firmware verwenden, die es bekanntlich braucht.</translation>
    </message>
    <message>
        <source>Station password (basic auth: security profiles 1 and 2)</source>
        <translation>Stationspasswort (Basic Auth: Sicherheitsprofile 1 und 2)</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>mindestens 8 Zeichen</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Passwort wiederholen:</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>noch einmal dasselbe</translation>
    </message>
    <message>
        <source>Remove the password: the station may connect without one</source>
        <translation>Passwort entfernen: Die Station darf sich ohne verbinden</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Security profile:</source>
        <translation>Sicherheitsprofil:</translation>
    </message>
    <message>
        <source>Delete station…</source>
        <translation>Station löschen…</translation>
    </message>
    <message>
        <source>Remove this station from the site; its history is kept</source>
        <translation>Diese Station vom Standort entfernen; ihre Historie bleibt erhalten</translation>
    </message>
    <message>
        <source>— no group —</source>
        <translation>— keine Gruppe —</translation>
    </message>
    <message>
        <source>1 — basic auth (ws:// or wss://)</source>
        <translation>1 — Basic Auth (ws:// oder wss://)</translation>
    </message>
    <message>
        <source>2 — TLS and basic auth (wss:// only)</source>
        <translation>2 — TLS und Basic Auth (nur wss://)</translation>
    </message>
    <message>
        <source>3 — TLS with a client certificate (wss:// only)</source>
        <translation>3 — TLS mit Client-Zertifikat (nur wss://)</translation>
    </message>
    <message>
        <source>The station may connect over plain ws://; with a password it must send it (basic auth).</source>
        <translation>Die Station darf sich über unverschlüsseltes ws:// verbinden; mit Passwort muss sie es senden (Basic Auth).</translation>
    </message>
    <message>
        <source>Refused on plain ws://: the station connects over wss:// and trusts the site CA (Settings → Certificates). It logs in with its password.</source>
        <translation>Auf unverschlüsseltem ws:// abgelehnt: Die Station verbindet sich über wss:// und vertraut der Standort-CA (Einstellungen → Zertifikate). Sie meldet sich mit ihrem Passwort an.</translation>
    </message>
    <message>
        <source>Refused on plain ws:// and without a certificate: the station shows a client certificate issued by the site CA whose name (CN) is its identifier. No password is asked.</source>
        <translation>Auf unverschlüsseltem ws:// und ohne Zertifikat abgelehnt: Die Station zeigt ein von der Standort-CA ausgestelltes Client-Zertifikat, dessen Name (CN) ihre Kennung ist. Kein Passwort nötig.</translation>
    </message>
    <message>
        <source>Settings of {name}</source>
        <translation>Einstellungen von {name}</translation>
    </message>
    <message>
        <source>Identifier &lt;b&gt;{identity}&lt;/b&gt; (cannot be changed)</source>
        <translation>Kennung &lt;b&gt;{identity}&lt;/b&gt; (nicht änderbar)</translation>
    </message>
    <message>
        <source>The station must send it as HTTP basic authentication, with its identifier {identity} as the user name. Set the same password in the charger before saving here.</source>
        <translation>Die Station muss es per HTTP-Basic-Authentifizierung senden, mit ihrer Kennung {identity} als Benutzername. Setzen Sie dasselbe Passwort in der Ladestation, bevor Sie hier speichern.</translation>
    </message>
    <message>
        <source>This station no longer exists: someone deleted it.</source>
        <translation>Diese Station gibt es nicht mehr: Jemand hat sie gelöscht.</translation>
    </message>
    <message>
        <source>  ·  {device}, firmware {version}</source>
        <translation>  ·  {device}, Firmware {version}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>(a deleted group)</source>
        <translation>(eine gelöschte Gruppe)</translation>
    </message>
    <message>
        <source>A password is set. Enter a new one to change it.</source>
        <translation>Ein Passwort ist gesetzt. Geben Sie ein neues ein, um es zu ändern.</translation>
    </message>
    <message>
        <source>leave empty to keep the current one</source>
        <translation>leer lassen, um das aktuelle zu behalten</translation>
    </message>
    <message>
        <source>No password is set: the station connects without one.</source>
        <translation>Kein Passwort gesetzt: Die Station verbindet sich ohne.</translation>
    </message>
    <message>
        <source>The station could not be read: {error}. Close the dialog and try again.</source>
        <translation>Die Station konnte nicht gelesen werden: {error}. Schließen Sie den Dialog und versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>StationTemplatesPage</name>
    <message>
        <source>Station templates</source>
        <translation>Stationsvorlagen</translation>
    </message>
    <message>
        <source>A template holds a station&apos;s charging points, sockets and settings. To make one, open a station&apos;s details and choose “Save as template…”; here you create stations from it, rename or delete it.</source>
        <translation>Eine Vorlage enthält die Ladepunkte, Steckdosen und Einstellungen einer Station. Um eine anzulegen, öffnen Sie die Details einer Station und wählen „Als Vorlage speichern…“; hier legen Sie Stationen daraus an, benennen sie um oder löschen sie.</translation>
    </message>
    <message>
        <source>Search template name, manufacturer, model…</source>
        <translation>Vorlagenname, Hersteller, Modell suchen…</translation>
    </message>
    <message>
        <source>Create station…</source>
        <translation>Station anlegen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <source>Charging stations</source>
        <translation>Ladestationen</translation>
    </message>
    <message>
        <source>How chargers connect…</source>
        <translation>Verbindungshilfe…</translation>
    </message>
    <message>
        <source>The address, port and rules a charging station needs to connect to this evdesk</source>
        <translation>Adresse, Port und Regeln, die eine Ladestation braucht, um sich mit diesem evdesk zu verbinden</translation>
    </message>
    <message>
        <source>Add station…</source>
        <translation>Station hinzufügen…</translation>
    </message>
    <message>
        <source>Stations are waiting for adoption.</source>
        <translation>Stationen warten auf Übernahme.</translation>
    </message>
    <message>
        <source>Show pending stations</source>
        <translation>Ausstehende Stationen zeigen</translation>
    </message>
    <message>
        <source>Search name or identifier</source>
        <translation>Name oder Kennung suchen</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>Registrierung:</translation>
    </message>
    <message>
        <source>Accept the selected pending station into this site</source>
        <translation>Die ausgewählte ausstehende Station in diesen Standort übernehmen</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>Übernehmen…</translation>
    </message>
    <message>
        <source>Turn the selected pending station away</source>
        <translation>Die ausgewählte ausstehende Station abweisen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Not online</source>
        <translation>Nicht online</translation>
    </message>
    <message>
        <source>Temporarily unavailable</source>
        <translation>Kurzzeitig offline</translation>
    </message>
    <message>
        <source>Long-term unavailable</source>
        <translation>Langzeitig offline</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Nie verbunden</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>⚠  {count} stations are waiting for adoption.</source>
        <translation>⚠  {count} Stationen warten auf Übernahme.</translation>
    </message>
    <message>
        <source>⚠  1 station is waiting for adoption.</source>
        <translation>⚠  1 Station wartet auf Übernahme.</translation>
    </message>
    <message>
        <source>Pending stations may connect but cannot charge until an administrator adopts them.</source>
        <translation>Ausstehende Stationen dürfen sich verbinden, können aber nicht laden, bis ein Administrator sie übernimmt.</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} stations</source>
        <translation>{shown} von {total} Stationen angezeigt</translation>
    </message>
    <message>
        <source>Rejected {identity}: it can no longer connect. Adopt it to let it in again.</source>
        <translation>{identity} abgelehnt: Sie kann sich nicht mehr verbinden. Übernehmen Sie sie, um sie wieder zuzulassen.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected station&apos;s settings or password, or delete it</source>
        <translation>Einstellungen oder Passwort der ausgewählten Station ändern oder sie löschen</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Einstellungen bearbeiten…</translation>
    </message>
    <message>
        <source>Details, charging points and sockets…</source>
        <translation>Details, Ladepunkte und Steckdosen…</translation>
    </message>
    <message>
        <source>Saved the settings of {name} ({identity}).</source>
        <translation>Einstellungen von {name} ({identity}) gespeichert.</translation>
    </message>
    <message>
        <source>Deleted {name} ({identity}). The identifier is free again; its history is kept.</source>
        <translation>{name} ({identity}) gelöscht. Die Kennung ist wieder frei; die Historie bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>TariffDialog</name>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>0.0000</source>
        <translation>0.0000</translation>
    </message>
    <message>
        <source>per session</source>
        <translation>pro Ladevorgang</translation>
    </message>
    <message>
        <source>Day prices start:</source>
        <translation>Tagpreise beginnen:</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Night prices start:</source>
        <translation>Nachtpreise beginnen:</translation>
    </message>
    <message>
        <source>per kWh</source>
        <translation>pro kWh</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>Time counts:</source>
        <translation>Zeit zählt:</translation>
    </message>
    <message>
        <source>Power levels:</source>
        <translation>Leistungsstufen:</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>Stufe entfernen</translation>
    </message>
    <message>
        <source>per minute from minute</source>
        <translation>pro Minute ab Minute</translation>
    </message>
    <message>
        <source>per hour parked after charging, after</source>
        <translation>pro Stunde Parken nach dem Laden, nach</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Prices have at most 4 decimals; an empty field is 0.</source>
        <translation>Preise haben höchstens 4 Nachkommastellen; ein leeres Feld ist 0.</translation>
    </message>
    <message>
        <source>VAT and validity</source>
        <translation>MwSt. und Gültigkeit</translation>
    </message>
    <message>
        <source>VAT rate:</source>
        <translation>MwSt.-Satz:</translation>
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
        <translation>Preise inklusive MwSt.</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>Valid to:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Stop limits</source>
        <translation>Stoppgrenzen</translation>
    </message>
    <message>
        <source>Maximum time:</source>
        <translation>Höchstdauer:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Maximum energy:</source>
        <translation>Höchstenergie:</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>Maximum cost:</source>
        <translation>Höchstkosten:</translation>
    </message>
    <message>
        <source>A session with this tariff stops when it reaches a limit. Empty: no limit.</source>
        <translation>Ein Ladevorgang mit diesem Tarif stoppt, wenn er eine Grenze erreicht. Leer: keine Grenze.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>What would this session cost?</source>
        <translation>Was würde dieser Ladevorgang kosten?</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Energy:</source>
        <translation>Energie:</translation>
    </message>
    <message>
        <source> kWh</source>
        <translation> kWh</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Strom:</translation>
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
        <translation>Parken nach dem Laden:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Someone else changed this tariff since you opened it. Close this window and open it again.</source>
        <translation>Jemand anderes hat diesen Tarif geändert, seit Sie ihn geöffnet haben. Schließen Sie das Fenster und öffnen Sie ihn erneut.</translation>
    </message>
    <message>
        <source>Price per session:</source>
        <translation>Preis pro Ladevorgang:</translation>
    </message>
    <message>
        <source>Energy (night):</source>
        <translation>Energie (Nacht):</translation>
    </message>
    <message>
        <source>Energy (DC):</source>
        <translation>Energie (DC):</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>Time (night):</source>
        <translation>Zeit (Nacht):</translation>
    </message>
    <message>
        <source>Connection fee:</source>
        <translation>Startgebühr:</translation>
    </message>
    <message>
        <source>Per-minute fee:</source>
        <translation>Minutengebühr:</translation>
    </message>
    <message>
        <source>Per-minute fee (DC):</source>
        <translation>Minutengebühr (DC):</translation>
    </message>
    <message>
        <source>Parking fee:</source>
        <translation>Parkgebühr:</translation>
    </message>
    <message>
        <source>Energy (day):</source>
        <translation>Energie (Tag):</translation>
    </message>
    <message>
        <source>Time (day):</source>
        <translation>Zeit (Tag):</translation>
    </message>
    <message>
        <source>Energy (AC):</source>
        <translation>Energie (AC):</translation>
    </message>
    <message>
        <source>Per-minute fee (AC):</source>
        <translation>Minutengebühr (AC):</translation>
    </message>
    <message>
        <source>Log in to change tariffs.</source>
        <translation>Melden Sie sich an, um Tarife zu ändern.</translation>
    </message>
    <message>
        <source>You can look at tariffs and tariff groups; analysts change nothing.</source>
        <translation>Sie können Tarife und Tarifgruppen ansehen; Analysten ändern nichts.</translation>
    </message>
    <message>
        <source>You can look at tariffs and tariff groups; only administrators change them.</source>
        <translation>Sie können Tarife und Tarifgruppen ansehen; nur Administratoren ändern sie.</translation>
    </message>
    <message>
        <source>You can look at tariffs and assign tariff groups within your charging groups; only administrators of the whole site change tariffs and tariff groups, because one price reaches every station that uses it.</source>
        <translation>Sie können Tarife ansehen und Tarifgruppen in Ihren Ladegruppen zuweisen; nur Administratoren des gesamten Standorts ändern Tarife und Tarifgruppen, denn ein Preis gilt für jede Station, die ihn verwendet.</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>pro Minute</translation>
    </message>
    <message>
        <source>{currency} (the site&apos;s currency; every price is in it)</source>
        <translation>{currency} (die Währung des Standorts; alle Preise sind darin)</translation>
    </message>
    <message>
        <source>Times in {zone}. A tariff outside its dates admits no session: the tariff group&apos;s next choice applies.</source>
        <translation>Zeiten in {zone}. Außerhalb seiner Gültigkeit gilt ein Tarif für keinen Ladevorgang: Dann greift die nächste Wahl der Tarifgruppe.</translation>
    </message>
    <message>
        <source>Minutes parked after charging that cost nothing.</source>
        <translation>Minuten nach dem Laden, die das Parken nichts kostet.</translation>
    </message>
    <message>
        <source>Add tariff</source>
        <translation>Tarif anlegen</translation>
    </message>
    <message>
        <source>A tariff is used once it is in a tariff group that applies to a station.</source>
        <translation>Ein Tarif wird verwendet, sobald er in einer Tarifgruppe ist, die für eine Station gilt.</translation>
    </message>
    <message>
        <source>Tariff {name}</source>
        <translation>Tarif {name}</translation>
    </message>
    <message>
        <source>In the tariff group(s) {groups}.</source>
        <translation>In den Tarifgruppen: {groups}.</translation>
    </message>
    <message>
        <source>Not in any tariff group yet.</source>
        <translation>Noch in keiner Tarifgruppe.</translation>
    </message>
    <message>
        <source>A change applies to sessions that start after it; running and past sessions keep their prices.</source>
        <translation>Eine Änderung gilt für Ladevorgänge, die danach beginnen; laufende und vergangene behalten ihre Preise.</translation>
    </message>
    <message>
        <source>A base tariff is named after its tariff group.</source>
        <translation>Ein Basistarif trägt den Namen seiner Tarifgruppe.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Up to (average kW)</source>
        <translation>Bis (mittlere kW)</translation>
    </message>
    <message>
        <source>Price per minute</source>
        <translation>Preis pro Minute</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Posten</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Start ({zone}):</source>
        <translation>Beginn ({zone}):</translation>
    </message>
    <message>
        <source>Priced as a session would be: each line rounded to the cent, the total their sum.</source>
        <translation>Berechnet wie ein Ladevorgang: jede Zeile auf den Cent gerundet, die Summe aus allen Zeilen.</translation>
    </message>
    <message>
        <source>Here the car charges for the whole duration.</source>
        <translation>Hier lädt das Auto die ganze Zeit.</translation>
    </message>
    <message>
        <source>A session keeps the prices it started with.</source>
        <translation>Ein Ladevorgang behält die Preise, mit denen er begann.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to see the price.</source>
        <translation>Korrigieren Sie die rot markierten Felder, um den Preis zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total {currency} 0.00&lt;/b&gt;: this session costs nothing.</source>
        <translation>&lt;b&gt;Gesamt {currency} 0.00&lt;/b&gt;: Dieser Ladevorgang kostet nichts.</translation>
    </message>
    <message>
        <source>included</source>
        <translation>enthalten</translation>
    </message>
    <message>
        <source>added</source>
        <translation>zuzüglich</translation>
    </message>
    <message>
        <source>Net {net} · VAT {rate} % {vat} ({words})</source>
        <translation>Netto {net} · MwSt. {rate} % {vat} ({words})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total {currency} {total}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gesamt {currency} {total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then save.</source>
        <translation>Korrigieren Sie die rot markierten Felder und speichern Sie dann.</translation>
    </message>
</context>
<context>
    <name>TariffGroupDialog</name>
    <message>
        <source>Tariff group</source>
        <translation>Tarifgruppe</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Tariffs in this group</source>
        <translation>Tarife in dieser Gruppe</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>When several tariffs admit a session, the one lowest in the list wins; the base tariff applies to everyone else.</source>
        <translation>Wenn mehrere Tarife einen Ladevorgang zulassen, gewinnt der unterste in der Liste; der Basistarif gilt für alle anderen.</translation>
    </message>
    <message>
        <source>Who and when the selected tariff applies</source>
        <translation>Für wen und wann der ausgewählte Tarif gilt</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Nutzergruppen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Nutzer suchen</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Nutzer entfernen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Ladekarten</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Ladekarten suchen</translation>
    </message>
    <message>
        <source>Remove token</source>
        <translation>Ladekarte entfernen</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Add time window</source>
        <translation>Zeitfenster hinzufügen</translation>
    </message>
    <message>
        <source>Remove time window</source>
        <translation>Zeitfenster entfernen</translation>
    </message>
    <message>
        <source>Where this group applies</source>
        <translation>Wo diese Gruppe gilt</translation>
    </message>
    <message>
        <source>Assign here</source>
        <translation>Hier zuordnen</translation>
    </message>
    <message>
        <source>Remove assignment</source>
        <translation>Zuordnung entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Someone else changed this tariff group since you opened it. Close this window and open it again.</source>
        <translation>Jemand anderes hat diese Tarifgruppe geändert, seit Sie sie geöffnet haben. Schließen Sie das Fenster und öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <source>The base tariff applies to everyone and at any time: it cannot be restricted.</source>
        <translation>Der Basistarif gilt für alle und jederzeit: Er lässt sich nicht einschränken.</translation>
    </message>
    <message>
        <source>Tariff group {name}</source>
        <translation>Tarifgruppe {name}</translation>
    </message>
    <message>
        <source>Add tariff group</source>
        <translation>Tarifgruppe anlegen</translation>
    </message>
    <message>
        <source>The tariffs of this group, in order, and where the group applies. The base tariff is made with the group (Free at first; edit its prices on the Tariffs tab).</source>
        <translation>Die Tarife dieser Gruppe in ihrer Reihenfolge und wo die Gruppe gilt. Der Basistarif entsteht mit der Gruppe (zunächst kostenlos; Preise auf dem Reiter Tarife bearbeiten).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Free (made with the group)</source>
        <translation>Kostenlos (mit der Gruppe angelegt)</translation>
    </message>
    <message>
        <source>everyone else, any time</source>
        <translation>alle anderen, jederzeit</translation>
    </message>
    <message>
        <source>a removed tariff</source>
        <translation>ein gelöschter Tarif</translation>
    </message>
    <message>
        <source>a removed user group</source>
        <translation>eine gelöschte Nutzergruppe</translation>
    </message>
    <message>
        <source>user groups {names}</source>
        <translation>Nutzergruppen {names}</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>{who}; a time window needs its days</source>
        <translation>{who}; ein Zeitfenster braucht seine Tage</translation>
    </message>
    <message>
        <source>, any time</source>
        <translation>, jederzeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>In each station&apos;s time zone. An end at or before the start runs past midnight (Fri 22:00–06:00 ends on Saturday morning); the same start and end is the whole day.</source>
        <translation>In der Zeitzone der jeweiligen Station. Ein Ende vor oder gleich dem Beginn reicht über Mitternacht (Fr 22:00–06:00 endet am Samstagmorgen); gleicher Beginn und gleiches Ende bedeuten den ganzen Tag.</translation>
    </message>
    <message>
        <source>Select a tariff in the list.</source>
        <translation>Wählen Sie einen Tarif in der Liste.</translation>
    </message>
    <message>
        <source>No user groups, users or tokens chosen: everyone. No time windows: any time.</source>
        <translation>Keine Nutzergruppen, Nutzer oder Ladekarten gewählt: alle. Keine Zeitfenster: jederzeit.</translation>
    </message>
    <message>
        <source>a user outside your charging groups</source>
        <translation>ein Nutzer außerhalb Ihrer Ladegruppen</translation>
    </message>
    <message>
        <source>a token outside your charging groups</source>
        <translation>eine Ladekarte außerhalb Ihrer Ladegruppen</translation>
    </message>
</context>
<context>
    <name>TariffGroupsModel</name>
    <message>
        <source>nowhere yet</source>
        <translation>noch nirgends</translation>
    </message>
</context>
<context>
    <name>TariffsModel</name>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>indefinitely</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <source>none: not used yet</source>
        <translation>keine: noch nicht verwendet</translation>
    </message>
    <message>
        <source>The base tariff of its tariff group: it applies to everyone the group&apos;s other tariffs do not admit.</source>
        <translation>Der Basistarif seiner Tarifgruppe: Er gilt für alle, die die anderen Tarife der Gruppe nicht zulassen.</translation>
    </message>
</context>
<context>
    <name>TariffsPage</name>
    <message>
        <source>Tariffs</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Search name</source>
        <translation>Name suchen</translation>
    </message>
    <message>
        <source>Add tariff…</source>
        <translation>Tarif hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Tariff groups</source>
        <translation>Tarifgruppen</translation>
    </message>
    <message>
        <source>A tariff group is an ordered list of tariffs with the users and times each applies to. Assign a group to a charging group (its subgroups included), a station or a connector.</source>
        <translation>Eine Tarifgruppe ist eine geordnete Liste von Tarifen mit den Nutzern und Zeiten, für die jeder gilt. Ordnen Sie eine Gruppe einer Ladegruppe (mit Untergruppen), einer Station oder einem Anschluss zu.</translation>
    </message>
    <message>
        <source>Add tariff group…</source>
        <translation>Tarifgruppe hinzufügen…</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Anzeigen…</translation>
    </message>
    <message>
        <source>A base tariff goes with its tariff group.</source>
        <translation>Ein Basistarif wird nur mit seiner Tarifgruppe gelöscht.</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <source>Saved the tariff {name}.</source>
        <translation>Tarif {name} gespeichert.</translation>
    </message>
    <message>
        <source>Delete tariff</source>
        <translation>Tarif löschen</translation>
    </message>
    <message>
        <source>Delete the tariff {name}?</source>
        <translation>Tarif {name} löschen?</translation>
    </message>
    <message>
        <source>Deleted the tariff {name}.</source>
        <translation>Tarif {name} gelöscht.</translation>
    </message>
    <message>
        <source>Sessions already priced with it keep their prices.</source>
        <translation>Bereits damit berechnete Ladevorgänge behalten ihre Preise.</translation>
    </message>
    <message>
        <source>Saved the tariff group {name}.</source>
        <translation>Tarifgruppe {name} gespeichert.</translation>
    </message>
    <message>
        <source>Delete tariff group</source>
        <translation>Tarifgruppe löschen</translation>
    </message>
    <message>
        <source>Delete the tariff group {name} with its base tariff?</source>
        <translation>Tarifgruppe {name} mit ihrem Basistarif löschen?</translation>
    </message>
    <message>
        <source>Deleted the tariff group {name}.</source>
        <translation>Tarifgruppe {name} gelöscht.</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>TemplateStationDialog</name>
    <message>
        <source>Create a station from a template</source>
        <translation>Station aus einer Vorlage anlegen</translation>
    </message>
    <message>
        <source>The new station is registered before the charger first connects: it is accepted at once. Choose the template first — it fills in the name.</source>
        <translation>Die neue Station wird registriert, bevor sich die Ladestation zum ersten Mal verbindet: Sie wird sofort angenommen. Wählen Sie zuerst die Vorlage — sie füllt den Namen aus.</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Kennung:</translation>
    </message>
    <message>
        <source>the charger&apos;s OCPP identity, e.g. DEPOT-07</source>
        <translation>die OCPP-Identität der Ladestation, z. B. DEPOT-07</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Charging group:</source>
        <translation>Ladegruppe:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Standort:</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <source>whole site</source>
        <translation>gesamter Standort</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>Edit token</source>
        <translation>Ladekarte bearbeiten</translation>
    </message>
    <message>
        <source>Token id:</source>
        <translation>Karten-ID:</translation>
    </message>
    <message>
        <source>RFID uid</source>
        <translation>RFID-UID</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>ab</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Parent (group) token:</source>
        <translation>Übergeordnete Karte (Gruppe):</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Dates are whole days in each station&apos;s time zone. Without an end date the token is valid indefinitely.</source>
        <translation>Daten sind ganze Tage in der Zeitzone jeder Station. Ohne Enddatum gilt die Karte unbefristet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Edit token {uid}</source>
        <translation>Ladekarte {uid} bearbeiten</translation>
    </message>
    <message>
        <source>The token id cannot be changed. Add a new token instead.</source>
        <translation>Die Karten-ID lässt sich nicht ändern. Legen Sie stattdessen eine neue Ladekarte an.</translation>
    </message>
    <message>
        <source>Someone else changed this token since you opened it. Close this window and edit it again to see their version.</source>
        <translation>Jemand anderes hat diese Ladekarte geändert, seit Sie sie geöffnet haben. Schließen Sie das Fenster und bearbeiten Sie sie erneut, um die neue Fassung zu sehen.</translation>
    </message>
    <message>
        <source>The token could not be saved</source>
        <translation>Die Ladekarte konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>TokensModel</name>
    <message>
        <source>indefinitely</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <source>Whole days in each station&apos;s time zone.</source>
        <translation>Ganze Tage in der Zeitzone der jeweiligen Station.</translation>
    </message>
</context>
<context>
    <name>TokensPage</name>
    <message>
        <source>Tokens</source>
        <translation>Ladekarten</translation>
    </message>
    <message>
        <source>Search token id, name or user</source>
        <translation>Karten-ID, Name oder Nutzer suchen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>{count} token</source>
        <translation>{count} Ladekarte</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} Ladekarten</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Saved token {uid}.</source>
        <translation>Ladekarte {uid} gespeichert.</translation>
    </message>
    <message>
        <source>Token {uid} is blocked: refused from now on.</source>
        <translation>Ladekarte {uid} ist gesperrt: Sie wird ab sofort abgewiesen.</translation>
    </message>
    <message>
        <source>Token {uid} is active again.</source>
        <translation>Ladekarte {uid} ist wieder aktiv.</translation>
    </message>
    <message>
        <source>Delete token</source>
        <translation>Ladekarte löschen</translation>
    </message>
    <message>
        <source>Delete the token {uid}?</source>
        <translation>Ladekarte {uid} löschen?</translation>
    </message>
    <message>
        <source>It is refused from now on; its id can be added again later. Past sessions stay.</source>
        <translation>Sie wird ab sofort abgewiesen; ihre ID kann später wieder angelegt werden. Frühere Ladevorgänge bleiben erhalten.</translation>
    </message>
    <message>
        <source>Deleted token {uid}.</source>
        <translation>Ladekarte {uid} gelöscht.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add charging user</source>
        <translation>Ladenutzer hinzufügen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Vorname:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Nachname:</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>driver@example.com</source>
        <translation>driver@example.com</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Home group:</source>
        <translation>Heimatgruppe:</translation>
    </message>
    <message>
        <source>Operators see and manage the charging users homed in their charging group or below it.</source>
        <translation>Operatoren sehen und verwalten die Ladenutzer, deren Heimat ihre Ladegruppe oder eine darunter ist.</translation>
    </message>
    <message>
        <source>User group:</source>
        <translation>Nutzergruppe:</translation>
    </message>
    <message>
        <source>Sessions at a time:</source>
        <translation>Ladevorgänge gleichzeitig:</translation>
    </message>
    <message>
        <source>How many sessions this user may run at once, on any stations. Empty: the user group&apos;s limit, or 1.</source>
        <translation>Wie viele Ladevorgänge dieser Nutzer gleichzeitig an beliebigen Stationen führen darf. Leer: die Grenze der Nutzergruppe oder 1.</translation>
    </message>
    <message>
        <source>How many sessions this user may run at once (a fleet account with several cards: one per car). Leave empty to use the user group&apos;s limit, or 1 when the group sets none.</source>
        <translation>Wie viele Ladevorgänge dieser Nutzer gleichzeitig führen darf (ein Flottenkonto mit mehreren Karten: eine pro Auto). Leer lassen für die Grenze der Nutzergruppe, oder 1, wenn die Gruppe keine setzt.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Why the user may not charge</source>
        <translation>Warum der Nutzer nicht laden darf</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Fahrzeuge</translation>
    </message>
    <message>
        <source>Registration plates of the user&apos;s vehicles.</source>
        <translation>Kennzeichen der Fahrzeuge des Nutzers.</translation>
    </message>
    <message>
        <source>Registration plate, e.g. ABC-123</source>
        <translation>Kennzeichen, z. B. B-AB 123</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Ready by, every day (HH:MM):</source>
        <translation>Täglich fertig bis (HH:MM):</translation>
    </message>
    <message>
        <source>e.g. 06:30; empty: none</source>
        <translation>z. B. 06:30; leer: keine</translation>
    </message>
    <message>
        <source>Load management: this user&apos;s vehicle needs its energy by this time of day (site time); it is preferred among sessions of equal priority</source>
        <translation>Lastmanagement: das Fahrzeug dieses Nutzers braucht seine Energie bis zu dieser Tageszeit (Standortzeit); es wird unter Ladevorgängen gleicher Priorität bevorzugt</translation>
    </message>
    <message>
        <source>Access rights</source>
        <translation>Zugangsrechte</translation>
    </message>
    <message>
        <source>Where the user may charge at stations in private mode. A ticked charging group includes its subgroups and all their stations; or tick single stations.</source>
        <translation>Wo der Nutzer an Stationen im privaten Modus laden darf. Eine angehakte Ladegruppe schließt ihre Untergruppen und all deren Stationen ein; oder haken Sie einzelne Stationen an.</translation>
    </message>
    <message>
        <source>Charging group / station</source>
        <translation>Ladegruppe / Station</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Ladekarten</translation>
    </message>
    <message>
        <source>Token id (RFID uid)</source>
        <translation>Karten-ID (RFID-UID)</translation>
    </message>
    <message>
        <source>Name, e.g. Blue key fob</source>
        <translation>Name, z. B. Blauer Schlüsselanhänger</translation>
    </message>
    <message>
        <source>Add token</source>
        <translation>Ladekarte hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Someone else changed this charging user since you opened it. Reload to see their version (your changes here are lost), then make yours again.</source>
        <translation>Jemand anderes hat diesen Ladenutzer geändert, seit Sie ihn geöffnet haben. Laden Sie neu, um die neue Fassung zu sehen (Ihre Änderungen hier gehen verloren), und nehmen Sie Ihre Änderungen dann erneut vor.</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <source>A charging user may charge with their tokens. Tokens, vehicles and access rights are saved together with the user.</source>
        <translation>Ein Ladenutzer kann mit seinen Ladekarten laden. Ladekarten, Fahrzeuge und Zugangsrechte werden zusammen mit dem Nutzer gespeichert.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Nutzer anlegen</translation>
    </message>
    <message>
        <source>Edit charging user</source>
        <translation>Ladenutzer bearbeiten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Edit charging user {name}</source>
        <translation>Ladenutzer {name} bearbeiten</translation>
    </message>
    <message>
        <source>Changes to tokens are saved at once; the rest when you press Save.</source>
        <translation>Änderungen an Ladekarten werden sofort gespeichert, alles andere mit „Speichern“.</translation>
    </message>
    <message>
        <source>Could not load the user: {error}</source>
        <translation>Der Nutzer konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>— whole site —</source>
        <translation>— gesamter Standort —</translation>
    </message>
    <message>
        <source>another group</source>
        <translation>eine andere Gruppe</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name} (inaktiv)</translation>
    </message>
    <message>
        <source>empty: 1 (no user group)</source>
        <translation>leer: 1 (keine Nutzergruppe)</translation>
    </message>
    <message>
        <source>empty: 1 ({group} sets no limit)</source>
        <translation>leer: 1 ({group} setzt keine Grenze)</translation>
    </message>
    <message>
        <source>empty: {limit}, the limit of {group}</source>
        <translation>leer: {limit}, die Grenze von {group}</translation>
    </message>
    <message>
        <source>Enter how many sessions at a time (1 or more), or leave it empty for the user group&apos;s limit.</source>
        <translation>Geben Sie an, wie viele Ladevorgänge gleichzeitig (1 oder mehr), oder lassen Sie das Feld leer für die Grenze der Nutzergruppe.</translation>
    </message>
    <message>
        <source>{name} (includes subgroups)</source>
        <translation>{name} (mit Untergruppen)</translation>
    </message>
    <message>
        <source>Everything in this charging group and its subgroups, now and later.</source>
        <translation>Alles in dieser Ladegruppe und ihren Untergruppen, jetzt und künftig.</translation>
    </message>
    <message>
        <source>Stations without a group</source>
        <translation>Stationen ohne Gruppe</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Could not change the token: {error}</source>
        <translation>Die Ladekarte konnte nicht geändert werden: {error}</translation>
    </message>
    <message>
        <source>Delete token</source>
        <translation>Ladekarte löschen</translation>
    </message>
    <message>
        <source>Delete the token {uid}?</source>
        <translation>Ladekarte {uid} löschen?</translation>
    </message>
    <message>
        <source>It is refused from now on; its id can be added again later. Past sessions stay.</source>
        <translation>Sie wird ab sofort abgewiesen; ihre ID kann später wieder angelegt werden. Frühere Ladevorgänge bleiben erhalten.</translation>
    </message>
    <message>
        <source>The charging user could not be saved ({error}). Try again.</source>
        <translation>Der Ladenutzer konnte nicht gespeichert werden ({error}). Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>UserGroupDialog</name>
    <message>
        <source>Add charging user group</source>
        <translation>Ladenutzergruppe hinzufügen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Active (members may charge)</source>
        <translation>Aktiv (Mitglieder dürfen laden)</translation>
    </message>
    <message>
        <source>Sessions at a time:</source>
        <translation>Ladevorgänge gleichzeitig:</translation>
    </message>
    <message>
        <source>limit to</source>
        <translation>begrenzen auf</translation>
    </message>
    <message>
        <source>per member</source>
        <translation>pro Mitglied</translation>
    </message>
    <message>
        <source>How many sessions each member may run at once. Unticked: no group limit, so a member may run one. A limit set on a member in the charging user editor wins over this one.</source>
        <translation>Wie viele Ladevorgänge jedes Mitglied gleichzeitig führen darf. Nicht angehakt: keine Gruppengrenze, ein Mitglied darf also einen führen. Eine im Ladenutzer-Editor für ein Mitglied gesetzte Grenze hat Vorrang.</translation>
    </message>
    <message>
        <source>Stop sessions at:</source>
        <translation>Ladevorgänge stoppen bei:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
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
        <translation>Kosten</translation>
    </message>
    <message>
        <source>evdesk stops a member&apos;s session when it reaches one of these (empty: no limit from the group). The stricter of these and the tariff&apos;s limits applies; a remote start may set its own.</source>
        <translation>evdesk stoppt den Ladevorgang eines Mitglieds, wenn er einen dieser Werte erreicht (leer: keine Grenze der Gruppe). Es gilt das Strengere aus diesen und den Grenzen des Tarifs; ein Fernstart kann eigene setzen.</translation>
    </message>
    <message>
        <source>Load priority</source>
        <translation>Lastpriorität</translation>
    </message>
    <message>
        <source>Load management: members&apos; sessions get their share of a circuit before those of groups with a lower priority.</source>
        <translation>Lastmanagement: die Ladevorgänge der Mitglieder erhalten ihren Anteil am Stromkreis vor denen von Gruppen mit niedrigerer Priorität.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Edit charging user group {name}</source>
        <translation>Nutzergruppe {name} bearbeiten</translation>
    </message>
    <message>
        <source>Stop after a whole number of minutes, e.g. 120.</source>
        <translation>Geben Sie eine ganze Zahl von Minuten an, z. B. 120.</translation>
    </message>
    <message>
        <source>Someone else changed this group since you opened it. Close this window and edit again.</source>
        <translation>Jemand anderes hat diese Gruppe geändert, seit Sie sie geöffnet haben. Schließen Sie das Fenster und bearbeiten Sie sie erneut.</translation>
    </message>
    <message>
        <source>Could not save ({error}). Try again.</source>
        <translation>Speichern nicht möglich ({error}). Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>UserGroupsModel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No: members are refused</source>
        <translation>Nein: Mitglieder werden abgewiesen</translation>
    </message>
    <message>
        <source>per user setting</source>
        <translation>je nach Nutzereinstellung</translation>
    </message>
</context>
<context>
    <name>UserGroupsPage</name>
    <message>
        <source>Charging user groups</source>
        <translation>Ladenutzergruppen</translation>
    </message>
    <message>
        <source>Search group name</source>
        <translation>Gruppenname suchen</translation>
    </message>
    <message>
        <source>Add group…</source>
        <translation>Gruppe hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Only a group without members can be deleted.</source>
        <translation>Nur eine Gruppe ohne Mitglieder kann gelöscht werden.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
    <message>
        <source>Delete user group</source>
        <translation>Nutzergruppe löschen</translation>
    </message>
    <message>
        <source>Delete the group {name}?</source>
        <translation>Gruppe {name} löschen?</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Gruppe löschen</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} gelöscht.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Charging users</source>
        <translation>Ladenutzer</translation>
    </message>
    <message>
        <source>Search name, e-mail or token id</source>
        <translation>Name, E-Mail oder Karten-ID suchen</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Nutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Deaktivieren…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>{count} user</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>{count} users</source>
        <translation>{count} Nutzer</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Anzeigen…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
    <message>
        <source>Sessions…</source>
        <translation>Ladevorgänge…</translation>
    </message>
    <message>
        <source>The selected user&apos;s charging sessions</source>
        <translation>Die Ladevorgänge des ausgewählten Nutzers</translation>
    </message>
    <message>
        <source>Charging sessions of {name}</source>
        <translation>Ladevorgänge von {name}</translation>
    </message>
    <message>
        <source>Every session of {name} at the stations you see, newest first.</source>
        <translation>Alle Ladevorgänge von {name} an den Stationen, die Sie sehen, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>Disable charging user</source>
        <translation>Ladenutzer deaktivieren</translation>
    </message>
    <message>
        <source>Why may {name} no longer charge? (Drivers and colleagues will ask.)</source>
        <translation>Warum darf {name} nicht mehr laden? (Fahrer und Kollegen werden fragen.)</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>{name} is disabled: their tokens are refused.</source>
        <translation>{name} ist deaktiviert: Die Ladekarten werden abgewiesen.</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} ist wieder aktiv.</translation>
    </message>
    <message>
        <source>Remove charging user</source>
        <translation>Ladenutzer entfernen</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>{name} entfernen?</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Nutzer entfernen</translation>
    </message>
    <message>
        <source>Their {count} token(s) are deleted with them and refused from now on. Their past sessions stay in the history.</source>
        <translation>Die Ladekarten des Nutzers ({count}) werden mit ihm gelöscht und ab sofort abgewiesen. Frühere Ladevorgänge bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} entfernt.</translation>
    </message>
    <message>
        <source>Import charging users</source>
        <translation>Ladenutzer importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export charging users</source>
        <translation>Ladenutzer exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Exported {count} charging users to {path}.</source>
        <translation>{count} Ladenutzer nach {path} exportiert.</translation>
    </message>
</context>
<context>
    <name>WindowRow</name>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>until midnight</source>
        <translation>bis Mitternacht</translation>
    </message>
    <message>
        <source>ends the next day</source>
        <translation>endet am nächsten Tag</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>vor {n} s</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>vor {n} min</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>vor {n} h</translation>
    </message>
    <message>
        <source>{n} d ago</source>
        <translation>vor {n} T.</translation>
    </message>
</context>
</TS>
