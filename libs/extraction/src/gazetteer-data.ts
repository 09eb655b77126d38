// The places the gazetteer knows: countries (ISO alpha-2 code | English name) and cities (English name |
// country code | C for a capital). Their names in each language are in lang/<code>/places.ts.

export const COUNTRY_LINES = `
IR|Iran
KZ|Kazakhstan
RU|Russia
TJ|Tajikistan
UZ|Uzbekistan
TM|Turkmenistan
KG|Kyrgyzstan
AF|Afghanistan
PK|Pakistan
IN|India
CN|China
TR|Turkey
AZ|Azerbaijan
AM|Armenia
GE|Georgia
IQ|Iraq
SY|Syria
LB|Lebanon
SA|Saudi Arabia
AE|United Arab Emirates
QA|Qatar
OM|Oman
KW|Kuwait
BH|Bahrain
YE|Yemen
JO|Jordan
EG|Egypt
US|United States
GB|United Kingdom
FR|France
DE|Germany
IT|Italy
ES|Spain
JP|Japan
KR|South Korea
KP|North Korea
BY|Belarus
UA|Ukraine
VE|Venezuela
BO|Bolivia
CU|Cuba
NI|Nicaragua
BR|Brazil
AR|Argentina
MX|Mexico
CA|Canada
AU|Australia
ZA|South Africa
ID|Indonesia
MY|Malaysia
TH|Thailand
VN|Vietnam
PH|Philippines
SG|Singapore
MN|Mongolia
BD|Bangladesh
LK|Sri Lanka
NG|Nigeria
ET|Ethiopia
KE|Kenya
DZ|Algeria
TN|Tunisia
LY|Libya
SD|Sudan
SE|Sweden
NO|Norway
NL|Netherlands
BE|Belgium
CH|Switzerland
AT|Austria
PL|Poland
HU|Hungary
GR|Greece
RS|Serbia
BG|Bulgaria
RO|Romania
CZ|Czech Republic
FI|Finland
DK|Denmark
IE|Ireland
PT|Portugal
BA|Bosnia and Herzegovina
IL|Israel
CL|Chile
PE|Peru
EC|Ecuador
CO|Colombia
UY|Uruguay
LT|Lithuania
LV|Latvia
EE|Estonia
MD|Moldova
CY|Cyprus
SK|Slovakia
SI|Slovenia
HR|Croatia
AL|Albania
MA|Morocco
SN|Senegal
GH|Ghana
TZ|Tanzania
UG|Uganda
ZW|Zimbabwe
NP|Nepal
MM|Myanmar
KH|Cambodia
NZ|New Zealand
PS|Palestine
SO|Somalia
ML|Mali
NE|Niger
EU|European Union
`;

export const CITY_LINES = `
Tehran|IR|C
Mashhad|IR|
Isfahan|IR|
Tabriz|IR|
Shiraz|IR|
Astana|KZ|C
Almaty|KZ|
Moscow|RU|C
Saint Petersburg|RU|
Kazan|RU|
Dushanbe|TJ|C
Tashkent|UZ|C
Samarkand|UZ|
Ashgabat|TM|C
Bishkek|KG|C
Kabul|AF|C
Herat|AF|
Islamabad|PK|C
Karachi|PK|
New Delhi|IN|C
Beijing|CN|C
Shanghai|CN|
Ankara|TR|C
Istanbul|TR|
Baku|AZ|C
Yerevan|AM|C
Tbilisi|GE|C
Baghdad|IQ|C
Damascus|SY|C
Beirut|LB|C
Riyadh|SA|C
Abu Dhabi|AE|C
Dubai|AE|
Doha|QA|C
Muscat|OM|C
Manama|BH|C
Sanaa|YE|C
Cairo|EG|C
Washington|US|C
New York|US|
London|GB|C
Paris|FR|C
Berlin|DE|C
Rome|IT|C
Madrid|ES|C
Tokyo|JP|C
Seoul|KR|C
Pyongyang|KP|C
Minsk|BY|C
Kyiv|UA|C
Caracas|VE|C
Havana|CU|C
Brasilia|BR|C
Santiago|CL|C
Lima|PE|C
Buenos Aires|AR|C
Bogota|CO|C
Montevideo|UY|C
Pretoria|ZA|C
Jakarta|ID|C
Kuala Lumpur|MY|C
Vienna|AT|C
Geneva|CH|
Sochi|RU|
Munich|DE|
Davos|CH|
Santa Cruz|BO|
Bandar Abbas|IR|
Chabahar|IR|
Brussels|BE|C
The Hague|NL|
Athens|GR|C
Belgrade|RS|C
Warsaw|PL|C
Budapest|HU|C
Sofia|BG|C
Prague|CZ|C
Ottawa|CA|C
Bangkok|TH|C
Hanoi|VN|C
Colombo|LK|C
Dhaka|BD|C
Algiers|DZ|C
Tunis|TN|C
Tripoli|LY|C
Khartoum|SD|C
La Paz|BO|C
Managua|NI|C
Ulaanbaatar|MN|C
Oslo|NO|C
Stockholm|SE|C
Helsinki|FI|C
Sarajevo|BA|C
Addis Ababa|ET|C
Nairobi|KE|C
Abuja|NG|C
Kuwait City|KW|C
`;
