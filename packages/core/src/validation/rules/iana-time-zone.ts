import { RuleFinding, Rule } from "../rule";
import { closestMatch } from "../../core/closest-match";

/**
 * The IANA tz database (2025b): every zone and backward-compatible link that Python's
 * `zoneinfo.available_timezones()` lists and pytz knows, grouped by area ("" for names without one).
 * `Factory` (the "-00" placeholder zone) is left out. Zones newer than this list are accepted through
 * the running Node's `Intl.supportedValuesOf("timeZone")`.
 */
const TZDB: { readonly [area: string]: string } = {
  "":
    "CET CST6CDT Cuba EET EST EST5EDT Egypt Eire GB GB-Eire GMT GMT+0 GMT-0 GMT0 Greenwich HST Hongkong Iceland " +
    "Iran Israel Jamaica Japan Kwajalein Libya MET MST MST7MDT NZ NZ-CHAT Navajo PRC PST8PDT Poland Portugal ROC " +
    "ROK Singapore Turkey UCT UTC Universal W-SU WET Zulu",
  Africa:
    "Abidjan Accra Addis_Ababa Algiers Asmara Asmera Bamako Bangui Banjul Bissau Blantyre Brazzaville Bujumbura " +
    "Cairo Casablanca Ceuta Conakry Dakar Dar_es_Salaam Djibouti Douala El_Aaiun Freetown Gaborone Harare " +
    "Johannesburg Juba Kampala Khartoum Kigali Kinshasa Lagos Libreville Lome Luanda Lubumbashi Lusaka Malabo " +
    "Maputo Maseru Mbabane Mogadishu Monrovia Nairobi Ndjamena Niamey Nouakchott Ouagadougou Porto-Novo Sao_Tome " +
    "Timbuktu Tripoli Tunis Windhoek",
  America:
    "Adak Anchorage Anguilla Antigua Araguaina Argentina/Buenos_Aires Argentina/Catamarca Argentina/ComodRivadavia " +
    "Argentina/Cordoba Argentina/Jujuy Argentina/La_Rioja Argentina/Mendoza Argentina/Rio_Gallegos Argentina/Salta " +
    "Argentina/San_Juan Argentina/San_Luis Argentina/Tucuman Argentina/Ushuaia Aruba Asuncion Atikokan Atka Bahia " +
    "Bahia_Banderas Barbados Belem Belize Blanc-Sablon Boa_Vista Bogota Boise Buenos_Aires Cambridge_Bay " +
    "Campo_Grande Cancun Caracas Catamarca Cayenne Cayman Chicago Chihuahua Ciudad_Juarez Coral_Harbour Cordoba " +
    "Costa_Rica Coyhaique Creston Cuiaba Curacao Danmarkshavn Dawson Dawson_Creek Denver Detroit Dominica Edmonton " +
    "Eirunepe El_Salvador Ensenada Fort_Nelson Fort_Wayne Fortaleza Glace_Bay Godthab Goose_Bay Grand_Turk Grenada " +
    "Guadeloupe Guatemala Guayaquil Guyana Halifax Havana Hermosillo Indiana/Indianapolis Indiana/Knox " +
    "Indiana/Marengo Indiana/Petersburg Indiana/Tell_City Indiana/Vevay Indiana/Vincennes Indiana/Winamac " +
    "Indianapolis Inuvik Iqaluit Jamaica Jujuy Juneau Kentucky/Louisville Kentucky/Monticello Knox_IN Kralendijk " +
    "La_Paz Lima Los_Angeles Louisville Lower_Princes Maceio Managua Manaus Marigot Martinique Matamoros Mazatlan " +
    "Mendoza Menominee Merida Metlakatla Mexico_City Miquelon Moncton Monterrey Montevideo Montreal Montserrat " +
    "Nassau New_York Nipigon Nome Noronha North_Dakota/Beulah North_Dakota/Center North_Dakota/New_Salem Nuuk " +
    "Ojinaga Panama Pangnirtung Paramaribo Phoenix Port-au-Prince Port_of_Spain Porto_Acre Porto_Velho Puerto_Rico " +
    "Punta_Arenas Rainy_River Rankin_Inlet Recife Regina Resolute Rio_Branco Rosario Santa_Isabel Santarem Santiago " +
    "Santo_Domingo Sao_Paulo Scoresbysund Shiprock Sitka St_Barthelemy St_Johns St_Kitts St_Lucia St_Thomas " +
    "St_Vincent Swift_Current Tegucigalpa Thule Thunder_Bay Tijuana Toronto Tortola Vancouver Virgin Whitehorse " +
    "Winnipeg Yakutat Yellowknife",
  Antarctica: "Casey Davis DumontDUrville Macquarie Mawson McMurdo Palmer Rothera South_Pole Syowa Troll Vostok",
  Arctic: "Longyearbyen",
  Asia:
    "Aden Almaty Amman Anadyr Aqtau Aqtobe Ashgabat Ashkhabad Atyrau Baghdad Bahrain Baku Bangkok Barnaul Beirut " +
    "Bishkek Brunei Calcutta Chita Choibalsan Chongqing Chungking Colombo Dacca Damascus Dhaka Dili Dubai Dushanbe " +
    "Famagusta Gaza Harbin Hebron Ho_Chi_Minh Hong_Kong Hovd Irkutsk Istanbul Jakarta Jayapura Jerusalem Kabul " +
    "Kamchatka Karachi Kashgar Kathmandu Katmandu Khandyga Kolkata Krasnoyarsk Kuala_Lumpur Kuching Kuwait Macao " +
    "Macau Magadan Makassar Manila Muscat Nicosia Novokuznetsk Novosibirsk Omsk Oral Phnom_Penh Pontianak Pyongyang " +
    "Qatar Qostanay Qyzylorda Rangoon Riyadh Saigon Sakhalin Samarkand Seoul Shanghai Singapore Srednekolymsk " +
    "Taipei Tashkent Tbilisi Tehran Tel_Aviv Thimbu Thimphu Tokyo Tomsk Ujung_Pandang Ulaanbaatar Ulan_Bator Urumqi " +
    "Ust-Nera Vientiane Vladivostok Yakutsk Yangon Yekaterinburg Yerevan",
  Atlantic: "Azores Bermuda Canary Cape_Verde Faeroe Faroe Jan_Mayen Madeira Reykjavik South_Georgia St_Helena Stanley",
  Australia:
    "ACT Adelaide Brisbane Broken_Hill Canberra Currie Darwin Eucla Hobart LHI Lindeman Lord_Howe Melbourne NSW " +
    "North Perth Queensland South Sydney Tasmania Victoria West Yancowinna",
  Brazil: "Acre DeNoronha East West",
  Canada: "Atlantic Central Eastern Mountain Newfoundland Pacific Saskatchewan Yukon",
  Chile: "Continental EasterIsland",
  Etc:
    "GMT GMT+0 GMT+1 GMT+10 GMT+11 GMT+12 GMT+2 GMT+3 GMT+4 GMT+5 GMT+6 GMT+7 GMT+8 GMT+9 GMT-0 GMT-1 GMT-10 GMT-11 " +
    "GMT-12 GMT-13 GMT-14 GMT-2 GMT-3 GMT-4 GMT-5 GMT-6 GMT-7 GMT-8 GMT-9 GMT0 Greenwich UCT UTC Universal Zulu",
  Europe:
    "Amsterdam Andorra Astrakhan Athens Belfast Belgrade Berlin Bratislava Brussels Bucharest Budapest Busingen " +
    "Chisinau Copenhagen Dublin Gibraltar Guernsey Helsinki Isle_of_Man Istanbul Jersey Kaliningrad Kiev Kirov Kyiv " +
    "Lisbon Ljubljana London Luxembourg Madrid Malta Mariehamn Minsk Monaco Moscow Nicosia Oslo Paris Podgorica " +
    "Prague Riga Rome Samara San_Marino Sarajevo Saratov Simferopol Skopje Sofia Stockholm Tallinn Tirane Tiraspol " +
    "Ulyanovsk Uzhgorod Vaduz Vatican Vienna Vilnius Volgograd Warsaw Zagreb Zaporozhye Zurich",
  Indian: "Antananarivo Chagos Christmas Cocos Comoro Kerguelen Mahe Maldives Mauritius Mayotte Reunion",
  Mexico: "BajaNorte BajaSur General",
  Pacific:
    "Apia Auckland Bougainville Chatham Chuuk Easter Efate Enderbury Fakaofo Fiji Funafuti Galapagos Gambier " +
    "Guadalcanal Guam Honolulu Johnston Kanton Kiritimati Kosrae Kwajalein Majuro Marquesas Midway Nauru Niue " +
    "Norfolk Noumea Pago_Pago Palau Pitcairn Pohnpei Ponape Port_Moresby Rarotonga Saipan Samoa Tahiti Tarawa " +
    "Tongatapu Truk Wake Wallis Yap",
  US: "Alaska Aleutian Arizona Central East-Indiana Eastern Hawaii Indiana-Starke Michigan Mountain Pacific Samoa",
};

/** Example zones for abbreviations people write instead of a zone (which are ambiguous: IST is India, Israel or Ireland). */
const ABBREVIATIONS: { readonly [abbreviation: string]: string } = {
  PDT: "America/Los_Angeles",
  PST: "America/Los_Angeles",
  MDT: "America/Denver",
  CDT: "America/Chicago",
  EDT: "America/New_York",
  AKST: "America/Anchorage",
  AKDT: "America/Anchorage",
  BST: "Europe/London",
  IST: "Asia/Kolkata",
  CEST: "Europe/Berlin",
  EEST: "Europe/Athens",
  WEST: "Europe/Lisbon",
  MSK: "Europe/Moscow",
  JST: "Asia/Tokyo",
  KST: "Asia/Seoul",
  SGT: "Asia/Singapore",
  HKT: "Asia/Hong_Kong",
  AEST: "Australia/Sydney",
  AEDT: "Australia/Sydney",
  ACST: "Australia/Adelaide",
  AWST: "Australia/Perth",
  NZST: "Pacific/Auckland",
  NZDT: "Pacific/Auckland",
  BRT: "America/Sao_Paulo",
  ART: "America/Argentina/Buenos_Aires",
};

let tzdb: ReadonlySet<string> | undefined;
let known: { readonly names: ReadonlySet<string>; readonly byLowerCase: ReadonlyMap<string, string>; readonly list: readonly string[] } | undefined;

/** The names of the list above, built on first use so that loading the rule costs nothing. */
function tzdbNames(): ReadonlySet<string> {
  tzdb ??= new Set(Object.entries(TZDB).flatMap(([area, list]) => list.split(" ").map((n) => (area ? `${area}/${n}` : n))));
  return tzdb;
}

/** The list's names and the running ICU's (a few milliseconds to ask, so only for names not in the list). */
function zones(): NonNullable<typeof known> {
  if (!known) {
    const names = new Set([...tzdbNames(), ...Intl.supportedValuesOf("timeZone")]);
    const list = [...names];
    known = { names, list, byLowerCase: new Map(list.map((n) => [n.toLowerCase(), n])) };
  }
  return known;
}

/** True for a name of the IANA tz database, spelled exactly as the database spells it. */
export function isIanaTimeZone(name: string): boolean {
  return tzdbNames().has(name) || zones().names.has(name);
}

/**
 * A time zone as Prefect's schedules take it (`timezone` of cron, interval and rrule schedules):
 * a name from the IANA tz database that Python's `zoneinfo` (cron, interval) and pytz (rrule) know,
 * case-sensitive, such as `Europe/Berlin`, `UTC`, `Etc/GMT+5` or the legacy link `US/Eastern`.
 * UTC offsets and abbreviations are not zone names; neither are the extra aliases Node's ICU accepts
 * (`PST`, `SystemV/EST5`), which Python does not know.
 */
export const IanaTimeZone: Rule<unknown> = {
  id: "IanaTimeZone",
  explanation:
    "A schedule's timezone is a name from the IANA tz database, spelled exactly (case-sensitive), such as Europe/Berlin, America/New_York or UTC; offsets and abbreviations are not accepted.",
  check: (tz) => {
    if (typeof tz !== "string") return [{ problem: `must be a string, not ${tz === null ? "null" : typeof tz}` }];
    if (isIanaTimeZone(tz)) return [];
    const t = tz.trim();
    if (t === "") return [{ problem: "is empty", fix: 'use "UTC", or the zone of the place the schedule follows, e.g. "Europe/Berlin"' }];
    const found: RuleFinding[] = [];
    if (t !== tz) found.push({ problem: "has leading or trailing whitespace" });
    const { byLowerCase, list } = zones();
    const spelled = byLowerCase.get(t.toLowerCase());
    if (spelled) {
      if (spelled !== t) found.push({ problem: "is not spelled as the tz database spells it (zone names are case-sensitive)" });
      return found.map((f) => ({ ...f, fix: `use "${spelled}"` }));
    }
    return [...found.map((f) => ({ problem: f.problem })), notAZone(t, list)];
  },
};

/** The finding for a trimmed value that is no zone name in any spelling. */
function notAZone(t: string, list: readonly string[]): RuleFinding {
  const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (offset || /^Z$/i.test(t)) {
    const [, sign = "+", h = "0", m = "00"] = offset ?? [];
    const hours = Number(h);
    const fixed =
      hours === 0 && m === "00"
        ? 'use "UTC"'
        : m === "00" && hours <= (sign === "+" ? 14 : 12)
          ? `use the zone of the place to follow daylight saving time, e.g. "Europe/Berlin", or the fixed offset "Etc/GMT${sign === "+" ? "-" : "+"}${hours}" (POSIX signs: Etc/GMT${sign === "+" ? "-" : "+"}${hours} is UTC${sign}${hours})`
          : "use the zone of the place, e.g. \"Asia/Kolkata\" for +05:30 (Etc/GMT zones exist for whole hours only)";
    return { problem: "is a UTC offset, not a time zone name", fix: fixed };
  }
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/i.exec(t);
  if (etc) {
    // Etc/GMT-14 .. Etc/GMT+12 exist; whoever writes Etc/GMT+13 means UTC+13, which is Etc/GMT-13.
    const utcSign = etc[1];
    const posixSign = utcSign === "+" ? "-" : "+";
    const hours = Number(etc[2]);
    const flipped = `Etc/GMT${posixSign}${hours}`;
    return {
      problem: "is not a tz database zone: the Etc/GMT zones run from Etc/GMT-14 to Etc/GMT+12",
      fix: isIanaTimeZone(flipped)
        ? `use "${flipped}" for UTC${utcSign}${hours} (POSIX signs: ${flipped} is UTC${utcSign}${hours})`
        : 'use the zone of the place the schedule follows, e.g. "Pacific/Auckland"',
    };
  }
  const abbreviation = ABBREVIATIONS[t.toUpperCase()];
  if (abbreviation || /^[A-Z]{3,5}$/.test(t)) {
    return {
      problem: "is a time zone abbreviation, not a tz database name (abbreviations are ambiguous)",
      fix: `use the zone of the place the schedule follows, e.g. "${abbreviation ?? "Europe/Berlin"}"`,
    };
  }
  const icu = icuZone(t);
  if (icu) return { problem: "is an alias only Node's ICU knows; Python's zoneinfo does not", fix: `use "${icu}"` };
  const city = t.replace(/\s+/g, "_").toLowerCase();
  const byCity = list.find((n) => n.includes("/") && n.slice(n.lastIndexOf("/") + 1).toLowerCase() === city);
  const lower = list.map((n) => n.toLowerCase());
  const near = byCity ?? list[lower.indexOf(closestMatch(t.toLowerCase(), lower) ?? "\u0000")];
  return {
    problem: "is not a time zone name of the IANA tz database",
    fix: near
      ? `use "${near}"`
      : 'use a tz database name such as "Europe/Berlin" or "America/New_York"; `python -c "import zoneinfo; print(sorted(zoneinfo.available_timezones()))"` lists them',
  };
}

/** The tz database name ICU maps an ICU-only alias to (e.g. `SystemV/EST5` → `America/Panama`), if any. */
function icuZone(t: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: t }).resolvedOptions().timeZone;
    return isIanaTimeZone(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}
