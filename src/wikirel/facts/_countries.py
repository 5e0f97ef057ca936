"""Names of countries, for telling an article's parties from third countries.

One entry a line: the name the fact layer uses, then ``|`` and the other
names and abbreviations the text may use. Former states (Soviet Union,
Yugoslavia ...) are here too: a relation with one of them is not the
article's relation with its successor. A country missing here is simply not
recognised as a third country (the rules then rely on the article's parties).
"""

from __future__ import annotations

_TABLE = """
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas|The Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia and Herzegovina|Bosnia
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Cape Verde|Cabo Verde
Central African Republic
Chad
Chile
China|People's Republic of China|PRC|Mainland China
Colombia
Comoros
Republic of the Congo|Congo-Brazzaville
Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa|Zaire
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic|Czechia
Denmark
Djibouti
Dominica
Dominican Republic
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Eswatini|Swaziland
Ethiopia
Fiji
Finland
France
Gabon
Gambia|The Gambia
Georgia
Germany|West Germany|East Germany
Ghana
Greece
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran|Persia
Iraq
Ireland
Israel
Italy
Ivory Coast|Côte d'Ivoire
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kiribati
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Mauritania
Mauritius
Mexico
Micronesia
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar|Burma
Namibia
Nauru
Nepal
Netherlands|Holland
New Zealand
Nicaragua
Niger
Nigeria
North Korea|DPRK
North Macedonia|Macedonia
Norway
Oman
Pakistan
Palau
Palestine
Panama
Papua New Guinea|PNG
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia|Russian Federation
Rwanda
Saint Kitts and Nevis
Saint Lucia
Saint Vincent and the Grenadines|Saint Vincent
Samoa
San Marino
Saudi Arabia
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Korea|Republic of Korea|Korea
South Sudan
Spain
Sri Lanka|Ceylon
Sudan
Suriname
Sweden
Switzerland
Syria
Taiwan|Republic of China|ROC
Tajikistan
Tanzania
Thailand|Siam
Timor-Leste|East Timor
Togo
Tonga
Trinidad and Tobago
Tunisia
Turkey|Türkiye
Turkmenistan
Tuvalu
Uganda
Ukraine
United Arab Emirates|UAE
United Kingdom|UK|U.K.|Britain|Great Britain
United States|United States of America|US|U.S.|USA|U.S.A.
Uruguay
Uzbekistan
Vanuatu
Vatican City|Holy See
Venezuela
Vietnam|Viet Nam
Yemen
Zambia
Zimbabwe
Soviet Union|USSR|U.S.S.R.
Yugoslavia|Federal Republic of Yugoslavia|Socialist Federal Republic of Yugoslavia
Czechoslovakia
Ottoman Empire
Roman Empire
"""


def country_names() -> dict[str, str]:
    """Every written name (as written) to the name the fact layer uses."""
    names: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        canonical, *others = line.split("|")
        for written in (canonical, *others):
            names[written] = canonical
    return names
