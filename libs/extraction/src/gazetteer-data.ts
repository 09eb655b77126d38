// Countries and cities in fa / en / ru. Format per line:
//   CODE | English name | en forms ; … | fa forms ; … | ru forms ; …   (ru: a trailing * takes any ending)
// Cities: English name | CODE | en ; … | fa ; … | ru ; … | capital (C) or not.
// Upper-case-only English forms (US, UK) are prefixed with ^ and must match case.

export const COUNTRY_LINES = `
IR|Iran|Iran;Iranian;Iranians;Islamic Republic;Persia|ایران|иран*;ИРИ
KZ|Kazakhstan|Kazakhstan;Kazakh;Kazakhstani;Kazakhs|قزاقستان;قزاق;قزاقی|казахстан*;казахск*;казах*
RU|Russia|Russia;Russian;Russians;Russian Federation|روسیه;روس;فدراسیون روسیه|росси*;российск* федераци*;^РФ
TJ|Tajikistan|Tajikistan;Tajik;Tajiks|تاجیکستان;تاجیک|таджикистан*;таджикск*
UZ|Uzbekistan|Uzbekistan;Uzbek;Uzbeks|ازبکستان;ازبک|узбекистан*;узбекск*
TM|Turkmenistan|Turkmenistan;Turkmen|ترکمنستان;ترکمن|туркменистан*;туркменск*
KG|Kyrgyzstan|Kyrgyzstan;Kyrgyz;Kirghizia|قرقیزستان;قرقیزی|киргизи*;кыргызстан*;киргизск*;кыргызск*
AF|Afghanistan|Afghanistan;Afghan;Afghans|افغانستان;افغان|афганистан*;афганск*
PK|Pakistan|Pakistan;Pakistani;Pakistanis|پاکستان|пакистан*
IN|India|India;Indian;Indians|هند;هندوستان|индия;индии;индию;индией;индийск*
CN|China|China;Chinese|چین|китай*;^КНР
TR|Turkey|Turkey;Turkish;Turks;Türkiye;Turkiye|ترکیه|турци*;турецк*
AZ|Azerbaijan|Azerbaijan;Azerbaijani;Azeri;Azerbaijanis|جمهوری آذربایجان;آذربایجان|азербайджан*
AM|Armenia|Armenia;Armenian;Armenians|ارمنستان|армени*;армянск*
GE|Georgia|Georgian;Georgia|گرجستان|грузия;грузии;грузию;грузией;грузинск*
IQ|Iraq|Iraq;Iraqi;Iraqis|عراق|ирак*
SY|Syria|Syria;Syrian;Syrians|سوریه|сири*
LB|Lebanon|Lebanon;Lebanese|لبنان|ливан*
SA|Saudi Arabia|Saudi Arabia;Saudi;Saudis|عربستان;عربستان سعودی|саудовск*
AE|United Arab Emirates|United Arab Emirates;Emirati;^UAE|امارات;امارات متحده عربی|оаэ;эмират*
QA|Qatar|Qatar;Qatari|قطر|катар*
OM|Oman|Oman;Omani|عمان|оман*
KW|Kuwait|Kuwait;Kuwaiti|کویت|кувейт*
BH|Bahrain|Bahrain;Bahraini|بحرین|бахрейн*
YE|Yemen|Yemen;Yemeni|یمن|йемен*
JO|Jordan|Jordan;Jordanian|اردن|иордания;дании;данию;данией;датск*
EG|Egypt|Egypt;Egyptian|مصر|египет*;египта;египте;египтом;египетск*
US|United States|United States;America;American;Americans;^US;^U.S.;^USA|آمریکا;امریکا;ایالات متحده;ایالات متحده آمریکا|сша;америк*
GB|United Kingdom|United Kingdom;Britain;British;England;^UK;^U.K.|انگلیس;انگلستان;بریتانیا|великобритани*;британск*
FR|France|France;French|فرانسه|франци*;французск*
DE|Germany|Germany;German;Germans|آلمان|германи*;немецк*;^ФРГ
IT|Italy|Italy;Italian|ایتالیا|итали*
ES|Spain|Spain;Spanish|اسپانیا|испани*
JP|Japan|Japan;Japanese|ژاپن|япони*
KR|South Korea|South Korea;South Korean;Republic of Korea|کره جنوبی|южн* коре*;республик* коре*
KP|North Korea|North Korea;North Korean;DPRK|کره شمالی|кндр;северн* коре*
BY|Belarus|Belarus;Belarusian;Belarussian|بلاروس;روسیه سفید|беларус*;белорусс*
UA|Ukraine|Ukraine;Ukrainian|اوکراین|украин*
VE|Venezuela|Venezuela;Venezuelan|ونزوئلا|венесуэл*
BO|Bolivia|Bolivia;Bolivian|بولیوی|боливи*
CU|Cuba|Cuba;Cuban|کوبا|куба;кубы;кубе;кубу;кубой;кубинск*
NI|Nicaragua|Nicaragua;Nicaraguan|نیکاراگوئه|никарагуа
BR|Brazil|Brazil;Brazilian|برزیل|бразили*
AR|Argentina|Argentina;Argentine;Argentinian|آرژانتین|аргентин*
MX|Mexico|Mexico;Mexican|مکزیک|мексик*
CA|Canada|Canada;Canadian|کانادا|канад*
AU|Australia|Australia;Australian|استرالیا|австрали*
ZA|South Africa|South Africa;South African|آفریقای جنوبی|юар;южн* африк*
ID|Indonesia|Indonesia;Indonesian|اندونزی|индонези*
MY|Malaysia|Malaysia;Malaysian|مالزی|малайзи*
TH|Thailand|Thailand;Thai|تایلند|таиланд*
VN|Vietnam|Vietnam;Vietnamese|ویتنام|вьетнам*
PH|Philippines|Philippines;Philippine;Filipino|فیلیپین|филиппин*
SG|Singapore|Singapore;Singaporean|سنگاپور|сингапур*
MN|Mongolia|Mongolia;Mongolian|مغولستان|монголи*
BD|Bangladesh|Bangladesh;Bangladeshi|بنگلادش|бангладеш*
LK|Sri Lanka|Sri Lanka;Sri Lankan|سریلانکا|шри-ланк*
NG|Nigeria|Nigeria;Nigerian|نیجریه|нигери*
ET|Ethiopia|Ethiopia;Ethiopian|اتیوپی|эфиопи*
KE|Kenya|Kenya;Kenyan|کنیا|кени*
DZ|Algeria|Algeria;Algerian|الجزایر|алжир*
TN|Tunisia|Tunisia;Tunisian|تونس|тунис*
LY|Libya|Libya;Libyan|لیبی|ливи*
SD|Sudan|Sudan;Sudanese|سودان|судан*
SE|Sweden|Sweden;Swedish|سوئد|швеци*;шведск*
NO|Norway|Norway;Norwegian|نروژ|норвеги*
NL|Netherlands|Netherlands;Dutch;Holland|هلند|нидерланд*;голланди*
BE|Belgium|Belgium;Belgian|بلژیک|бельги*
CH|Switzerland|Switzerland;Swiss|سوئیس|швейцари*
AT|Austria|Austria;Austrian|اتریش|австри*
PL|Poland|Poland;Polish|لهستان|польш*;польск*
HU|Hungary|Hungary;Hungarian|مجارستان|венгри*
GR|Greece|Greece;Greek|یونان|греци*;греческ*
RS|Serbia|Serbia;Serbian|صربستان|серби*
BG|Bulgaria|Bulgaria;Bulgarian|بلغارستان|болгари*
RO|Romania|Romania;Romanian|رومانی|румыни*
CZ|Czech Republic|Czech Republic;Czech;Czechia|جمهوری چک|чехи*;чешск*
FI|Finland|Finland;Finnish|فنلاند|финлянди*
DK|Denmark|Denmark;Danish|دانمارک|дания;дании;данию;данией;датск*
IE|Ireland|Ireland;Irish|ایرلند|ирланди*
PT|Portugal|Portugal;Portuguese|پرتغال|португали*
BA|Bosnia and Herzegovina|Bosnia;Bosnian|بوسنی|босни*
IL|Israel|Israel;Israeli|اسرائیل;رژیم صهیونیستی|израил*
CL|Chile|Chile;Chilean;Chileans|شیلی|чили;чилийск*
PE|Peru|Peru;Peruvian;Peruvians|پرو|перу;перуанск*
EC|Ecuador|Ecuador;Ecuadorian;Ecuadorean|اکوادور|эквадор*
CO|Colombia|Colombia;Colombian;Colombians|کلمبیا|колумби*
UY|Uruguay|Uruguay;Uruguayan|اروگوئه|уругва*
LT|Lithuania|Lithuania;Lithuanian;Lithuanians|لیتوانی|литв*;литовск*
LV|Latvia|Latvia;Latvian;Latvians|لتونی|латви*;латвийск*
EE|Estonia|Estonia;Estonian;Estonians|استونی|эстони*
MD|Moldova|Moldova;Moldovan;Moldavia|مولداوی|молдави*;молдов*
CY|Cyprus|Cyprus;Cypriot|قبرس|кипр*
SK|Slovakia|Slovakia;Slovak|اسلواکی|словаки*;словацк*
SI|Slovenia|Slovenia;Slovenian;Slovene|اسلوونی|словени*
HR|Croatia|Croatia;Croatian|کرواسی|хорвати*
AL|Albania|Albania;Albanian|آلبانی|албани*
MA|Morocco|Morocco;Moroccan|مراکش|марокк*
SN|Senegal|Senegal;Senegalese|سنگال|сенегал*
GH|Ghana|Ghana;Ghanaian|جمهوری غنا;کشور غنا|гана;ганы;гане;гану;ганск*
TZ|Tanzania|Tanzania;Tanzanian|تانزانیا|танзани*
UG|Uganda|Uganda;Ugandan|اوگاندا|уганд*
ZW|Zimbabwe|Zimbabwe;Zimbabwean|زیمبابوه|зимбабве
NP|Nepal|Nepal;Nepalese;Nepali|نپال|непал*
MM|Myanmar|Myanmar;Burma;Burmese|میانمار|мьянм*
KH|Cambodia|Cambodia;Cambodian|کامبوج|камбодж*
NZ|New Zealand|New Zealand|نیوزیلند|нов* зеланди*
PS|Palestine|Palestine;Palestinian;Palestinians|فلسطین|палестин*
SO|Somalia|Somalia;Somali|سومالی|сомали
ML|Mali|Mali;Malian|جمهوری مالی;کشور مالی|мали
NE|Niger|Niger;Nigerien|نیجر|нигер;нигера;нигере
EU|European Union|European Union;^EU;^E.U.|اتحادیه اروپا;اتحادیه اروپایی|евросоюз*;европейск* союз*;^ЕС
`;

export const CITY_LINES = `
Tehran|IR|Tehran|تهران|тегеран*|C
Mashhad|IR|Mashhad|مشهد|мешхед*|
Isfahan|IR|Isfahan|اصفهان|исфахан*|
Tabriz|IR|Tabriz|تبریز|тебриз*|
Shiraz|IR|Shiraz|شیراز|шираз*|
Astana|KZ|Astana;Nur-Sultan;Nursultan|آستانه;نورسلطان;نور سلطان|астан*;нур-султан*|C
Almaty|KZ|Almaty|آلماتی|алмат*|
Moscow|RU|Moscow|مسکو|москв*|C
Saint Petersburg|RU|St. Petersburg;Saint Petersburg;St Petersburg|سن پترزبورگ;سنت پترزبورگ|санкт-петербург*;петербург*|
Kazan|RU|Kazan|قازان|казан*|
Dushanbe|TJ|Dushanbe|دوشنبه|душанбе|C
Tashkent|UZ|Tashkent|تاشکند|ташкент*|C
Samarkand|UZ|Samarkand|سمرقند|самарканд*|
Ashgabat|TM|Ashgabat;Ashkhabad|عشق آباد;عشق_آباد|ашхабад*|C
Bishkek|KG|Bishkek|بیشکک|бишкек*|C
Kabul|AF|Kabul|کابل|кабул*|C
Herat|AF|Herat|هرات|герат*|
Islamabad|PK|Islamabad|اسلام آباد;اسلام_آباد|исламабад*|C
Karachi|PK|Karachi|کراچی|карачи|
New Delhi|IN|New Delhi;Delhi|دهلی نو;دهلی|нью-дели;дели|C
Beijing|CN|Beijing|پکن|пекин*|C
Shanghai|CN|Shanghai|شانگهای|шанха*|
Ankara|TR|Ankara|آنکارا|анкар*|C
Istanbul|TR|Istanbul|استانبول|стамбул*|
Baku|AZ|Baku|باکو|баку|C
Yerevan|AM|Yerevan|ایروان|ереван*|C
Tbilisi|GE|Tbilisi|تفلیس|тбилиси|C
Baghdad|IQ|Baghdad|بغداد|багдад*|C
Damascus|SY|Damascus|دمشق|дамаск*|C
Beirut|LB|Beirut|بیروت|бейрут*|C
Riyadh|SA|Riyadh|ریاض|эр-рияд*;рияд*|C
Abu Dhabi|AE|Abu Dhabi|ابوظبی;ابو ظبی|абу-даби|C
Dubai|AE|Dubai|دبی|дубай*|
Doha|QA|Doha|دوحه|доха;дохе;доху|C
Muscat|OM|Muscat|مسقط|маскат*|C
Manama|BH|Manama|منامه|манам*|C
Sanaa|YE|Sanaa|صنعا|-|C
Cairo|EG|Cairo|قاهره|каир*|C
Washington|US|Washington|واشنگتن|вашингтон*|C
New York|US|New York|نیویورک|нью-йорк*|
London|GB|London|لندن|лондон*|C
Paris|FR|Paris|پاریس|париж*|C
Berlin|DE|Berlin|برلین|берлин*|C
Rome|IT|Rome|رم|рим;риме;рима|C
Madrid|ES|Madrid|مادرید|мадрид*|C
Tokyo|JP|Tokyo|توکیو|токио|C
Seoul|KR|Seoul|سئول|сеул*|C
Pyongyang|KP|Pyongyang|پیونگ یانگ|пхеньян*|C
Minsk|BY|Minsk|مینسک|минск*|C
Kyiv|UA|Kyiv;Kiev|کی یف|киев*|C
Caracas|VE|Caracas|کاراکاس|каракас*|C
Havana|CU|Havana|هاوانا|гавана;гаване;гавану|C
Brasilia|BR|Brasilia|برازیلیا|бразилиа|C
Santiago|CL|Santiago|سانتیاگو|сантьяго|C
Lima|PE|Lima|لیما|лима;лиме;лиму|C
Buenos Aires|AR|Buenos Aires|بوئنوس آیرس|буэнос-айрес*|C
Bogota|CO|Bogota;Bogotá|بوگوتا|богот*|C
Montevideo|UY|Montevideo|مونته ویدئو|монтевидео|C
Pretoria|ZA|Pretoria|پرتوریا|претори*|C
Jakarta|ID|Jakarta|جاکارتا|джакарт*|C
Kuala Lumpur|MY|Kuala Lumpur|کوالالامپور|куала-лумпур*|C
Vienna|AT|Vienna|وین|вена;вене;вену;веной|C
Geneva|CH|Geneva|ژنو|женев*|
Sochi|RU|Sochi|سوچی|сочи|
Munich|DE|Munich|مونیخ|мюнхен*|
Davos|CH|Davos|داووس|давос*|
Santa Cruz|BO|Santa Cruz|سانتا کروز|санта-крус*|
Bandar Abbas|IR|Bandar Abbas|بندرعباس;بندر عباس|бендер-аббас*|
Chabahar|IR|Chabahar|چابهار|чабахар*|
Brussels|BE|Brussels|بروکسل|брюссел*|C
The Hague|NL|The Hague|لاهه|гааг*|
Athens|GR|Athens|آتن|афин*|C
Belgrade|RS|Belgrade|بلگراد|белград*|C
Warsaw|PL|Warsaw|ورشو|варшав*|C
Budapest|HU|Budapest|بوداپست|будапешт*|C
Sofia|BG|Sofia|صوفیه|софия;софии|C
Prague|CZ|Prague|پراگ|прага;праге;прагу;прагой|C
Ottawa|CA|Ottawa|اتاوا|оттав*|C
Bangkok|TH|Bangkok|بانکوک|бангкок*|C
Hanoi|VN|Hanoi|هانوی|ханой*|C
Colombo|LK|Colombo|کلمبو|коломбо|C
Dhaka|BD|Dhaka|داکا|дакк*|C
Algiers|DZ|Algiers|-|-|C
Tunis|TN|Tunis|-|-|C
Tripoli|LY|Tripoli|طرابلس|триполи|C
Khartoum|SD|Khartoum|خارطوم|хартум*|C
La Paz|BO|La Paz|لاپاز|ла-пас*|C
Managua|NI|Managua|ماناگوا|манагуа|C
Ulaanbaatar|MN|Ulaanbaatar;Ulan Bator|اولان باتور|улан-батор*|C
Oslo|NO|Oslo|اسلو|осло|C
Stockholm|SE|Stockholm|استکهلم|стокгольм*|C
Helsinki|FI|Helsinki|هلسینکی|хельсинки|C
Sarajevo|BA|Sarajevo|سارایوو|сараев*|C
Addis Ababa|ET|Addis Ababa|آدیس آبابا|аддис-абеб*|C
Nairobi|KE|Nairobi|نایروبی|найроби|C
Abuja|NG|Abuja|ابوجا|абудж*|C
Kuwait City|KW|Kuwait City|-|эль-кувейт|C
`;
