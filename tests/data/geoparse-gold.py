import json, math, os
R = 6371.0088
def dest(lat, lon, brg, km):
    p1, l1, b, d = math.radians(lat), math.radians(lon), math.radians(brg), km / R
    p2 = math.asin(math.sin(p1)*math.cos(d) + math.cos(p1)*math.sin(d)*math.cos(b))
    l2 = l1 + math.atan2(math.sin(b)*math.sin(d)*math.cos(p1), math.cos(d) - math.sin(p1)*math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)
P = {  # true coordinates (lat, lon), from general geographic knowledge
 'Dushanbe': (38.54, 68.78), 'Vakhdat': (38.56, 69.01), 'Kabul': (34.53, 69.17), 'Kandahar': (31.61, 65.71),
 'Jalalabad': (34.43, 70.45), 'Herat': (34.35, 62.20), 'Mosul': (36.34, 43.13), 'Baghdad': (33.31, 44.37),
 'Kirkuk': (35.47, 44.39), 'Aleppo': (36.20, 37.16), 'Damascus': (33.51, 36.29), 'Homs': (34.73, 36.72),
 'Idlib': (35.93, 36.63), 'Raqqa': (35.95, 39.01), 'Beirut': (33.89, 35.50), 'Tripoli, Lebanon': (34.44, 35.85),
 'Tripoli, Libya': (32.89, 13.19), 'Benghazi': (32.12, 20.07), 'Sanaa': (15.37, 44.19), 'Aden': (12.79, 45.03),
 'Cairo': (30.04, 31.24), 'Alexandria': (31.20, 29.92), 'Khartoum': (15.50, 32.56), 'Mogadishu': (2.04, 45.34),
 'Nairobi': (-1.29, 36.82), 'Mombasa': (-4.04, 39.67), 'Lagos': (6.45, 3.40), 'Abuja': (9.06, 7.49),
 'Maiduguri': (11.85, 13.16), 'Kano': (12.00, 8.52), 'Bamako': (12.64, -8.00), 'Timbuktu': (16.77, -3.01),
 'Gao': (16.27, -0.04), 'Niamey': (13.51, 2.11), 'Ouagadougou': (12.37, -1.52), 'Kinshasa': (-4.32, 15.31),
 'Goma': (-1.68, 29.23), 'Beni': (0.49, 29.47), 'Johannesburg': (-26.20, 28.05), 'Cape Town': (-33.92, 18.42),
 'Addis Ababa': (9.03, 38.74), 'Kampala': (0.35, 32.58), 'Juba': (4.85, 31.58), 'Dakar': (14.69, -17.44),
 'Tunis': (36.81, 10.18), 'Algiers': (36.75, 3.06), 'Harare': (-17.83, 31.05), 'Maputo': (-25.97, 32.57),
 'Pemba': (-12.97, 40.52), 'Paris': (48.86, 2.35), 'London': (51.51, -0.13), 'Manchester': (53.48, -2.24),
 'Berlin': (52.52, 13.40), 'Brussels': (50.85, 4.35), 'Madrid': (40.42, -3.70), 'Barcelona': (41.39, 2.17),
 'Rome': (41.90, 12.50), 'Istanbul': (41.01, 28.98), 'Ankara': (39.93, 32.86), 'Kyiv': (50.45, 30.52),
 'Kharkiv': (49.99, 36.23), 'Donetsk': (48.00, 37.80), 'Moscow': (55.76, 37.62), 'Grozny': (43.32, 45.69),
 'Stockholm': (59.33, 18.07), 'Athens': (37.98, 23.73), 'Dublin': (53.35, -6.26), 'Belfast': (54.60, -5.93),
 'Marseille': (43.30, 5.37), 'Nice': (43.70, 7.27), 'Munich': (48.14, 11.58), 'Vienna': (48.21, 16.37),
 'Warsaw': (52.23, 21.01), 'Karachi': (24.86, 67.01), 'Lahore': (31.55, 74.34), 'Peshawar': (34.01, 71.58),
 'Quetta': (30.18, 66.99), 'Islamabad': (33.69, 73.06), 'Delhi': (28.61, 77.21), 'Mumbai': (19.08, 72.88),
 'Srinagar': (34.08, 74.80), 'Dhaka': (23.81, 90.41), 'Colombo': (6.93, 79.86), 'Yangon': (16.87, 96.20),
 'Bangkok': (13.76, 100.50), 'Manila': (14.60, 120.98), 'Marawi': (8.00, 124.29), 'Jakarta': (-6.21, 106.85),
 'Beijing': (39.90, 116.41), 'Urumqi': (43.83, 87.62), 'Tokyo': (35.68, 139.69), 'Seoul': (37.57, 126.98),
 'Tehran': (35.69, 51.39), 'Riyadh': (24.71, 46.68), 'Jerusalem': (31.77, 35.21), 'Gaza': (31.50, 34.47),
 'St. Louis': (38.63, -90.20), 'Fort Worth': (32.75, -97.33), 'Tbilisi': (41.72, 44.79),
 'Columbia, SC': (34.00, -81.03), 'Abidjan': (5.36, -4.01), "Cox's Bazar": (21.43, 92.01), 'Matias Romero': (16.88, -95.04), 'Tashkent': (41.30, 69.24), 'Bishkek': (42.87, 74.59), 'Osh': (40.53, 72.80), 'Almaty': (43.24, 76.89),
 'Washington': (38.90, -77.04), 'New York': (40.71, -74.01), 'Chicago': (41.88, -87.63), 'Los Angeles': (34.05, -118.24),
 'Houston': (29.76, -95.37), 'Dallas': (32.78, -96.80), 'El Paso': (31.76, -106.49), 'Miami': (25.76, -80.19),
 'Paris, Texas': (33.66, -95.56), 'Morris County, New Jersey': (40.86, -74.54), 'Riverdale, New Jersey': (40.99, -74.30), 'Valdosta': (30.83, -83.28), 'Richmond, North Yorkshire': (54.40, -1.74), 'Thruxton, Hampshire': (51.21, -1.59), 'Denver': (39.74, -104.99), 'Philadelphia': (39.95, -75.17), 'San Diego': (32.72, -117.16), 'Seattle': (47.61, -122.33), 'Atlanta': (33.75, -84.39),
 'Toronto': (43.65, -79.38), 'Montreal': (45.50, -73.57), 'Mexico City': (19.43, -99.13), 'Ciudad Juarez': (31.69, -106.42),
 'Culiacan': (24.81, -107.39), 'Bogota': (4.71, -74.07), 'Medellin': (6.24, -75.58), 'Caracas': (10.48, -66.90),
 'Lima': (-12.05, -77.04), 'Quito': (-0.18, -78.47), 'Rio de Janeiro': (-22.91, -43.17), 'Sao Paulo': (-23.55, -46.63),
 'Buenos Aires': (-34.60, -58.38), 'Santiago': (-33.45, -70.67), 'Port-au-Prince': (18.59, -72.31), 'Tegucigalpa': (14.07, -87.19),
 'Sydney': (-33.87, 151.21), 'Melbourne': (-37.81, 144.96), 'Christchurch': (-43.53, 172.64), 'Port Moresby': (-9.44, 147.18),
 'Odesa': (46.48, 30.72), 'Mariupol': (47.10, 37.55), 'Zaporizhzhia': (47.84, 35.14), 'Kherson': (46.64, 32.62),
 'Bucha': (50.54, 30.22), 'Fallujah': (33.35, 43.78), 'Ramadi': (33.42, 43.30), 'Basra': (30.51, 47.78),
 'Erbil': (36.19, 44.01), 'Deir ez-Zor': (35.34, 40.14), 'Hodeidah': (14.80, 42.95), 'Marib': (15.46, 45.33),
 'Kismayo': (-0.36, 42.55), 'Garissa': (-0.45, 39.65), 'Mopti': (14.49, -4.20), 'Djibo': (14.10, -1.63),
 'Kaduna': (10.52, 7.44), 'Zamfara': (12.17, 6.25), 'Borno': (11.50, 13.00), 'Mexico': (23.6, -102.5),
 'Chechnya': (43.4, 45.7), 'Palma': (-10.77, 40.47), 'Qamishli': (37.05, 41.23), 'Hasakah': (36.50, 40.75), 'Maarat al-Numan': (35.65, 36.67), 'Ariha': (35.81, 36.61), 'United States': (39.8, -98.6),
 'Kukawa': (12.92, 13.57), 'Ismailia': (30.60, 32.27), 'Ennis': (52.84, -8.98), 'Castlebar': (53.86, -9.30),
}
C = {  # countries and regions: (lat, lon) any point inside is acceptable within 161 km of the centre used by gazetteers
 'North Yorkshire': (54.2, -1.4), 'Yorkshire': (54.0, -1.5), 'Hampshire': (51.06, -1.31), 'Tajikistan': (39.0, 71.0), 'Afghanistan': (33.0, 66.0), 'Iraq': (33.0, 44.0), 'Syria': (35.0, 38.0), 'Lebanon': (33.83, 35.83),
 'Libya': (25.0, 17.0), 'Yemen': (15.5, 47.5), 'Egypt': (27.0, 30.0), 'Sudan': (15.0, 30.0), 'Somalia': (6.0, 48.0),
 'Kenya': (1.0, 38.0), 'Nigeria': (10.0, 8.0), 'Mali': (17.0, -4.0), 'Niger': (16.0, 8.0), 'Burkina Faso': (12.5, -1.67),
 'Ethiopia': (8.0, 38.0), 'France': (46.0, 2.0), 'Germany': (51.5, 10.5), 'Ukraine': (49.0, 32.0), 'Russia': (60.0, 100.0),
 'Pakistan': (30.0, 70.0), 'India': (22.0, 79.0), 'Philippines': (13.0, 122.0), 'Myanmar': (22.0, 98.0),
 'Colombia': (4.0, -72.0), 'Brazil': (-10.0, -55.0), 'Haiti': (19.0, -72.42), 'Honduras': (15.0, -86.5),
 'Mozambique': (-18.25, 35.0), 'Kyrgyzstan': (41.0, 75.0), 'Uzbekistan': (41.0, 64.0), 'Israel': (31.5, 34.75),
 'Turkey': (39.0, 35.0), 'Iran': (32.0, 53.0), 'Saudi Arabia': (25.0, 45.0), 'Trinidad and Tobago': (11.0, -61.0), 'Canada': (60.0, -96.0), 'Australia': (-25.0, 135.0),
 'Democratic Republic of the Congo': (-2.5, 23.5), 'Venezuela': (8.0, -66.0), 'Ecuador': (-1.5, -78.0),
 'Sweden': (62.0, 15.0), 'Greece': (39.0, 22.0), 'Spain': (40.0, -4.0), 'Belgium': (50.75, 4.5), 'Bangladesh': (24.0, 90.0),
 'Sri Lanka': (7.0, 81.0), 'Chad': (15.0, 19.0), 'Jordan': (31.0, 36.0),
 'Georgia': (42.0, 43.5), 'Japan': (36.0, 138.0), 'North Korea': (40.0, 127.0), 'Oaxaca': (17.0, -96.5), 'Oxford': (51.75, -1.26), 'Idlib province': (35.8, 36.6), 'Hama province': (35.2, 36.8), 'Helmand': (31.0, 64.0), 'Kandahar province': (31.0, 65.7),
 'Tigray': (14.0, 38.5), 'Amhara': (11.5, 38.0), 'Lamu County': (-2.0, 40.7), 'Ivory Coast': (8.0, -5.5), 'South Carolina': (34.0, -81.0),
 'Texas': (31.25, -99.25), 'Louisiana': (31.0, -92.0), 'California': (37.25, -119.75), 'Oregon': (44.0, -120.5), 'New Jersey': (40.1, -74.6), 'Florida': (28.6, -82.4), 'Georgia State': (32.7, -83.4), 'Washington State': (47.5, -120.5), 'Sinaloa': (25.0, -107.5),
 'Kashmir': (34.0, 75.0), 'Balochistan': (28.5, 65.0), 'Mindanao': (7.5, 125.0), 'Xinjiang': (41.0, 85.0),
 'Punjab': (31.0, 72.5),
 'Strait of Hormuz': (26.57, 56.25), 'Lake Chad': (13.0, 14.0), 'Suez Canal': (30.6, 32.3),
 'County Clare': (52.9, -9.0), 'County Mayo': (53.9, -9.3),
}
# Each record: sentence, then mentions as (text, key) or (text, key, km, bearing) for offsets.
S = [
 ("Gardai in Co Clare found the car abandoned near Ennis on Sunday.", [("Co Clare",'County Clare'),("near Ennis",'Ennis')]),
 ("A man was arrested in Castlebar, Co. Mayo, after the attack.", [("Castlebar",'Castlebar'),("Co. Mayo",'County Mayo')]),
 ("Iranian boats seized a tanker in the Strait of Hormuz on Friday.", [("Strait of Hormuz",'Strait of Hormuz')]),
 ("Boko Haram fighters attacked fishermen on Lake Chad, near Kukawa in Borno.", [("Lake Chad",'Lake Chad'),("near Kukawa",'Kukawa'),("Borno",'Borno')]),
 ("Nile Rodgers said a ship ran aground in the Suez Canal near Ismailia.", [("Suez Canal",'Suez Canal'),("near Ismailia",'Ismailia')]),
 ("A bomb exploded in Kabul on Monday, killing six people, officials in Afghanistan said.", [("Kabul",'Kabul'),("Afghanistan",'Afghanistan')]),
 ("Gunmen attacked a checkpoint 40 km north of Kandahar late on Tuesday.", [("40 km north of Kandahar",'Kandahar',40,0)]),
 ("The convoy was ambushed some 25 kilometres east of Jalalabad, near the border with Pakistan.", [("some 25 kilometres east of Jalalabad",'Jalalabad',25,90),("Pakistan",'Pakistan')]),
 ("Police in Herat said the attackers fled toward Iran.", [("Herat",'Herat'),("Iran",'Iran')]),
 ("Iraqi forces retook villages 60 km south of Mosul, the army said.", [("60 km south of Mosul",'Mosul',60,180)]),
 ("A car bomb in Baghdad killed 12, while clashes continued near Kirkuk.", [("Baghdad",'Baghdad'),("near Kirkuk",'Kirkuk')]),
 ("Air strikes hit the outskirts of Aleppo and towns in northern Syria.", [("the outskirts of Aleppo",'Aleppo'),("northern Syria",'Syria')]),
 ("Rebels shelled Damascus from positions 15 kilometres north-east of the capital Damascus.", [("Damascus",'Damascus'),("15 kilometres north-east of the capital Damascus",'Damascus',15,45)]),
 ("Fighting in Idlib displaced thousands who fled toward Turkey.", [("Idlib",'Idlib'),("Turkey",'Turkey')]),
 ("The militants were driven out of Raqqa by US-backed forces.", [("Raqqa",'Raqqa')]),
 ("Clashes broke out in Tripoli, Lebanon, after a rally in Beirut.", [("Tripoli",'Tripoli, Lebanon'),("Lebanon",'Lebanon'),("Beirut",'Beirut')]),
 ("Militias fought for control of the airport in Tripoli, the Libyan capital, while Benghazi stayed calm.", [("Tripoli",'Tripoli, Libya'),("Benghazi",'Benghazi')]),
 ("Houthi rebels fired missiles at Marib, 120 km east of Sanaa, in central Yemen.", [("Marib",'Marib'),("120 km east of Sanaa",'Sanaa',120,90),("Yemen",'Yemen')]),
 ("A drone strike near Aden killed three fighters, according to Yemen officials.", [("near Aden",'Aden'),("Yemen",'Yemen')]),
 ("Protesters gathered in Cairo and Alexandria on Friday.", [("Cairo",'Cairo'),("Alexandria",'Alexandria')]),
 ("Paramilitary forces opened fire on demonstrators in Khartoum, the capital of Sudan.", [("Khartoum",'Khartoum'),("Sudan",'Sudan')]),
 ("Al-Shabaab fighters stormed a hotel in Mogadishu, Somalia, on Saturday.", [("Mogadishu",'Mogadishu'),("Somalia",'Somalia')]),
 ("The attack on the bus took place about 50 miles north of Garissa in eastern Kenya.", [("about 50 miles north of Garissa",'Garissa',80.4672,0),("eastern Kenya",'Kenya')]),
 ("Police in Nairobi arrested two suspects linked to an explosion in Mombasa.", [("Nairobi",'Nairobi'),("Mombasa",'Mombasa')]),
 ("Boko Haram militants raided a village 30 km west of Maiduguri in Borno State.", [("30 km west of Maiduguri",'Maiduguri',30,270),("Borno State",'Borno')]),
 ("Gunmen kidnapped students in Kaduna, and the government in Abuja promised a rescue.", [("Kaduna",'Kaduna'),("Abuja",'Abuja')]),
 ("Riots erupted in Lagos and spread to Kano within days.", [("Lagos",'Lagos'),("Kano",'Kano')]),
 ("Jihadists attacked an army post 100 kilometres south-west of Gao in Mali.", [("100 kilometres south-west of Gao",'Gao',100,225),("Mali",'Mali')]),
 ("French troops left Timbuktu as the junta in Bamako turned to Russia.", [("Timbuktu",'Timbuktu'),("Bamako",'Bamako'),("Russia",'Russia')]),
 ("An ambush near Djibo in northern Burkina Faso killed 11 soldiers.", [("near Djibo",'Djibo'),("northern Burkina Faso",'Burkina Faso')]),
 ("Soldiers in Niamey detained the president of Niger.", [("Niamey",'Niamey'),("Niger",'Niger')]),
 ("Gunmen killed villagers 20 km from Mopti, officials in Bamako said.", [("20 km from Mopti",'Mopti'),("Bamako",'Bamako')]),
 ("ADF rebels killed 30 civilians in Beni, in the east of the Democratic Republic of the Congo.", [("Beni",'Beni'),("Democratic Republic of the Congo",'Democratic Republic of the Congo')]),
 ("M23 fighters advanced to within 20 kilometres of Goma.", [("20 kilometres of Goma",'Goma')]),
 ("Protests in Kinshasa turned violent on Thursday.", [("Kinshasa",'Kinshasa')]),
 ("Looting spread from Johannesburg to Cape Town during the unrest.", [("Johannesburg",'Johannesburg'),("Cape Town",'Cape Town')]),
 ("Insurgents attacked Palma, 200 km north of Pemba in Mozambique.", [("Palma",'Palma'),("200 km north of Pemba",'Pemba',200,0),("Mozambique",'Mozambique')]),
 ("Ethnic clashes near Addis Ababa left 40 dead, Ethiopia said.", [("near Addis Ababa",'Addis Ababa'),("Ethiopia",'Ethiopia')]),
 ("A grenade attack in Kampala injured seven people.", [("Kampala",'Kampala')]),
 ("Fighting in Juba forced aid agencies to evacuate staff.", [("Juba",'Juba')]),
 ("Police fired tear gas at protesters in Dakar and Tunis.", [("Dakar",'Dakar'),("Tunis",'Tunis')]),
 ("Thousands marched in Algiers against the government.", [("Algiers",'Algiers')]),
 ("Riot police clashed with strikers in Harare, while Maputo remained calm.", [("Harare",'Harare'),("Maputo",'Maputo')]),
 ("A knife attack in Paris left two dead; another was foiled in Nice.", [("Paris",'Paris'),("Nice",'Nice')]),
 ("Police in London and Manchester raised the terror threat level.", [("London",'London'),("Manchester",'Manchester')]),
 ("A truck was driven into a market in Berlin, Germany.", [("Berlin",'Berlin'),("Germany",'Germany')]),
 ("Explosions at the airport in Brussels killed 32 people.", [("Brussels",'Brussels')]),
 ("A van hit pedestrians in Barcelona, and a second cell was stopped 120 km south-west of Barcelona.", [("Barcelona",'Barcelona'),("120 km south-west of Barcelona",'Barcelona',120,225)]),
 ("Clashes erupted in Madrid and Rome after the match.", [("Madrid",'Madrid'),("Rome",'Rome')]),
 ("A suicide bomber struck a wedding in Istanbul as police in Ankara made arrests.", [("Istanbul",'Istanbul'),("Ankara",'Ankara')]),
 ("Missiles hit Kyiv overnight and shelling continued near Kharkiv.", [("Kyiv",'Kyiv'),("near Kharkiv",'Kharkiv')]),
 ("Shelling killed civilians in Donetsk, Ukraine, on Sunday.", [("Donetsk",'Donetsk'),("Ukraine",'Ukraine')]),
 ("A drone struck an oil depot 30 miles south of Moscow, Russian officials said.", [("30 miles south of Moscow",'Moscow',48.28032,180)]),
 ("Gunmen attacked police in Grozny, the capital of Chechnya.", [("Grozny",'Grozny'),("Chechnya",'Chechnya')]),
 ("A man set fire to a mosque in Stockholm, Sweden.", [("Stockholm",'Stockholm'),("Sweden",'Sweden')]),
 ("Riots broke out in Athens after a teenager was shot.", [("Athens",'Athens')]),
 ("A bomb was found near a school in Belfast and police in Dublin were alerted.", [("Belfast",'Belfast'),("Dublin",'Dublin')]),
 ("Gang violence in Marseille claimed another life.", [("Marseille",'Marseille')]),
 ("A gunman opened fire at a shopping centre in Munich, and Vienna tightened security.", [("Munich",'Munich'),("Vienna",'Vienna')]),
 ("Farmers blocked roads around Warsaw.", [("around Warsaw",'Warsaw')]),
 ("A blast at a rally in Quetta, the capital of Balochistan, killed 20.", [("Quetta",'Quetta'),("Balochistan",'Balochistan')]),
 ("Gunmen attacked the Chinese consulate in Karachi, Pakistan.", [("Karachi",'Karachi'),("Pakistan",'Pakistan')]),
 ("Militants struck a police station 35 km south of Peshawar.", [("35 km south of Peshawar",'Peshawar',35,180)]),
 ("Thousands protested in Lahore and Islamabad.", [("Lahore",'Lahore'),("Islamabad",'Islamabad')]),
 ("Riots in Delhi left 53 people dead, while Mumbai was calm.", [("Delhi",'Delhi'),("Mumbai",'Mumbai')]),
 ("Militants attacked a convoy 20 km south of Srinagar in Kashmir.", [("20 km south of Srinagar",'Srinagar',20,180),("Kashmir",'Kashmir')]),
 ("Garment workers clashed with police in Dhaka, Bangladesh.", [("Dhaka",'Dhaka'),("Bangladesh",'Bangladesh')]),
 ("Bombs struck churches in Colombo, Sri Lanka, on Easter Sunday.", [("Colombo",'Colombo'),("Sri Lanka",'Sri Lanka')]),
 ("Soldiers fired on protesters in Yangon, Myanmar.", [("Yangon",'Yangon'),("Myanmar",'Myanmar')]),
 ("A blast near a shrine in Bangkok killed 20.", [("Bangkok",'Bangkok')]),
 ("Militants seized Marawi on Mindanao, and Manila declared martial law.", [("Marawi",'Marawi'),("Mindanao",'Mindanao'),("Manila",'Manila')]),
 ("Police raided a cell in Jakarta after the bombing.", [("Jakarta",'Jakarta')]),
 ("A knife attack at a station in Urumqi in Xinjiang killed three.", [("Urumqi",'Urumqi'),("Xinjiang",'Xinjiang')]),
 ("Protests in Beijing and Tokyo drew thousands.", [("Beijing",'Beijing'),("Tokyo",'Tokyo')]),
 ("A crowd crush in Seoul killed 159 people.", [("Seoul",'Seoul')]),
 ("Protests spread from Tehran to other cities in Iran.", [("Tehran",'Tehran'),("Iran",'Iran')]),
 ("Drones hit oil facilities 150 km east of Riyadh, Saudi officials said.", [("150 km east of Riyadh",'Riyadh',150,90)]),
 ("Clashes broke out in Jerusalem and rockets were fired from Gaza.", [("Jerusalem",'Jerusalem'),("Gaza",'Gaza')]),
 ("Border guards clashed near Osh, in southern Kyrgyzstan, as talks began in Bishkek.", [("near Osh",'Osh'),("southern Kyrgyzstan",'Kyrgyzstan'),("Bishkek",'Bishkek')]),
 ("Police in Tashkent, Uzbekistan, detained 10 men after riots in Almaty.", [("Tashkent",'Tashkent'),("Uzbekistan",'Uzbekistan'),("Almaty",'Almaty')]),
 ("A gunman opened fire at a supermarket in El Paso, Texas.", [("El Paso",'El Paso'),("Texas",'Texas')]),
 ("A shooting in Paris, Texas, left two dead.", [("Paris",'Paris, Texas'),("Texas",'Texas')]),
 ("Protesters clashed with police in Washington and New York.", [("Washington",'Washington'),("New York",'New York')]),
 ("A mass shooting in Chicago over the weekend left 8 dead.", [("Chicago",'Chicago')]),
 ("Riots broke out in Los Angeles, California, after the verdict.", [("Los Angeles",'Los Angeles'),("California",'California')]),
 ("Police in Houston and Dallas increased patrols.", [("Houston",'Houston'),("Dallas",'Dallas')]),
 ("Gunfire erupted 10 miles west of Miami on Saturday.", [("10 miles west of Miami",'Miami',16.09344,270)]),
 ("A gunman killed three in Denver, and protests followed in Seattle and Atlanta.", [("Denver",'Denver'),("Seattle",'Seattle'),("Atlanta",'Atlanta')]),
 ("A van attack in Toronto killed ten; Montreal raised its alert.", [("Toronto",'Toronto'),("Montreal",'Montreal')]),
 ("Cartel gunmen attacked police in Culiacan, Sinaloa.", [("Culiacan",'Culiacan'),("Sinaloa",'Sinaloa')]),
 ("Bodies were found 25 km south of Ciudad Juarez, near the border with the United States.", [("25 km south of Ciudad Juarez",'Ciudad Juarez',25,180),("United States",'United States')]),
 ("Protesters marched in Mexico City against violence.", [("Mexico City",'Mexico City')]),
 ("A car bomb exploded at a police academy in Bogota, Colombia.", [("Bogota",'Bogota'),("Colombia",'Colombia')]),
 ("Gang violence in Medellin fell, the mayor said.", [("Medellin",'Medellin')]),
 ("Security forces fired on protesters in Caracas, Venezuela.", [("Caracas",'Caracas'),("Venezuela",'Venezuela')]),
 ("Clashes in Lima and Quito left dozens injured.", [("Lima",'Lima'),("Quito",'Quito')]),
 ("Police raids in Rio de Janeiro killed 18 people, and Sao Paulo saw protests.", [("Rio de Janeiro",'Rio de Janeiro'),("Sao Paulo",'Sao Paulo')]),
 ("Riots broke out in Buenos Aires and Santiago.", [("Buenos Aires",'Buenos Aires'),("Santiago",'Santiago')]),
 ("Gangs blocked the road 15 km north of Port-au-Prince in Haiti.", [("15 km north of Port-au-Prince",'Port-au-Prince',15,0),("Haiti",'Haiti')]),
 ("A prison riot in Tegucigalpa, Honduras, killed 46 women.", [("Tegucigalpa",'Tegucigalpa'),("Honduras",'Honduras')]),
 ("A gunman killed 51 worshippers in Christchurch, and police in Sydney and Melbourne raised security.", [("Christchurch",'Christchurch'),("Sydney",'Sydney'),("Melbourne",'Melbourne')]),
 ("Tribal fighting near Port Moresby left 12 dead.", [("near Port Moresby",'Port Moresby')]),
 ("Missiles struck Odesa, and shelling continued 40 km north-west of Mariupol.", [("Odesa",'Odesa'),("40 km north-west of Mariupol",'Mariupol',40,315)]),
 ("Russian troops shelled Zaporizhzhia and Kherson overnight.", [("Zaporizhzhia",'Zaporizhzhia'),("Kherson",'Kherson')]),
 ("Investigators exhumed bodies in Bucha, on the outskirts of Kyiv.", [("Bucha",'Bucha'),("the outskirts of Kyiv",'Kyiv')]),
 ("Marines fought in Fallujah and Ramadi, west of Baghdad.", [("Fallujah",'Fallujah'),("Ramadi",'Ramadi'),("Baghdad",'Baghdad')]),
 ("Protesters stormed the consulate in Basra, and a rocket hit Erbil.", [("Basra",'Basra'),("Erbil",'Erbil')]),
 ("Kurdish forces captured a field 30 kilometres east of Deir ez-Zor.", [("30 kilometres east of Deir ez-Zor",'Deir ez-Zor',30,90)]),
 ("Coalition jets struck the port of Hodeidah, Yemen.", [("Hodeidah",'Hodeidah'),("Yemen",'Yemen')]),
 ("Al-Shabaab attacked a base 50 km north of Kismayo, Somalia.", [("50 km north of Kismayo",'Kismayo',50,0),("Somalia",'Somalia')]),
 ("An explosion rocked the village seventy kilometres south-south-east of Herat.", [("seventy kilometres south-south-east of Herat",'Herat',70,157.5)]),
 ("The ambush happened 45 km ESE of Kandahar, according to local officials.", [("45 km ESE of Kandahar",'Kandahar',45,112.5)]),
 ("Troops moved to positions twenty miles northwest of Homs.", [("twenty miles northwest of Homs",'Homs',32.18688,315)]),
 ("A roadside bomb went off 12 km southeast of Kabul.", [("12 km southeast of Kabul",'Kabul',12,135)]),
 ("Troops found a camp 80 km north-northeast of Tehran.", [("80 km north-northeast of Tehran",'Tehran',80,22.5)]),
 ("Rockets landed 5 km west-southwest of Gaza.", [("5 km west-southwest of Gaza",'Gaza',5,247.5)]),
 ("The bus was attacked 60-km north of Lagos.", [("60-km north of Lagos",'Lagos',60,0)]),
 ("Fighters took a village 1,500 metres east of Idlib.", [("1,500 metres east of Idlib",'Idlib',1.5,90)]),
 ("A plane crashed 90 kilometers south-east of Kinshasa.", [("90 kilometers south-east of Kinshasa",'Kinshasa',90,135)]),
 ("Soldiers clashed with rebels 18 km south-eastern of Juba.", [("18 km south-eastern of Juba",'Juba',18,135)]),
 ("Gunmen killed two farmers 35 kilometres nrth of Kano.", [("35 kilometres nrth of Kano",'Kano',35,0)]),
 ("Floods hit a town just north of Dhaka.", [("just north of Dhaka",'Dhaka',None,None)]),
 ("Police said the attack happened in the north of Mali.", [("the north of Mali",'Mali')]),
 ("Clashes were reported in southern Lebanon and in Jordan.", [("southern Lebanon",'Lebanon'),("Jordan",'Jordan')]),
 ("Soldiers deployed to Chad and Niger after the coup.", [("Chad",'Chad'),("Niger",'Niger')]),
 ("Villagers fled fighting in Zamfara toward Kaduna.", [("Zamfara",'Zamfara'),("Kaduna",'Kaduna')]),
 ("The blast hit a market in the capital Kabul.", [("Kabul",'Kabul')]),
 ("Unrest spread across Punjab after the arrest in Lahore.", [("Punjab",'Punjab'),("Lahore",'Lahore')]),
 # Non-places that look like places: expected no mentions
 ("President Jackson met General Washington Irving at the Soufan Group office.", []),
 ("The Justice Ministry said the Islamic State claimed responsibility on Sunday.", []),
 ("Abu Bakr al-Baghdadi and Gulmurod Khalimov were named by the Aamaq news agency.", []),
 ("A Swiss national, two Dutch cyclists and Kurdish forces were mentioned in July.", []),
 ("Florence Nightingale and Paris Hilton visited the Kabul University campus.", []),
 ("The London Stock Exchange and the Washington Post reported the story.", []),
 ("Police said the suspects were Afghan and Pakistani nationals.", []),
 ("Police in St. Louis arrested three men after a brawl at a St. Patrick's Day parade.", [("St. Louis",'St. Louis')]),
 ("A gunman fired at officers in Ft. Worth, Texas, Capt. Roy A. Nelson said; Nelson did not name him.", [("Ft. Worth",'Fort Worth'),("Texas",'Texas')]),
 ("The Bush administration sent envoys to Tbilisi after the war in Georgia.", [("Tbilisi",'Tbilisi'),("Georgia",'Georgia')]),
 ("Militants fired mortars at troops 12km north of Mogadishu on Friday.", [("12km north of Mogadishu",'Mogadishu',12,0)]),
 ("A grenade exploded 3 km from the centre of Kabul.", [("3 km from the centre of Kabul",'Kabul')]),
 ("Refugees from Myanmar crowded the camps of Cox's Bazar in Bangladesh.", [("Myanmar",'Myanmar'),("Cox's Bazar","Cox's Bazar"),("Bangladesh",'Bangladesh')]),
 ("Post-election violence in Côte d'Ivoire spread to Abidjan.", [("Côte d'Ivoire",'Ivory Coast'),("Abidjan",'Abidjan')]),
 ("US forces struck Taliban positions in Helmand Province and Kandahar province.", [("Helmand Province",'Helmand'),("Kandahar province",'Kandahar province')]),
 ("Federal troops withdrew from Tigray Region as fighting spread to Amhara region.", [("Tigray Region",'Tigray'),("Amhara region",'Amhara')]),
 ("Al-Shabaab fighters raided a village in Lamu County, Kenya.", [("Lamu County",'Lamu County'),("Kenya",'Kenya')]),
 ("The rebels seized a town some 100 kilometers (62 miles) northwest of Goma.", [("some 100 kilometers (62 miles) northwest of Goma",'Goma',100,315)]),
 ("The attack took place 45 km (28 miles) south of the capital, Bamako.", [("45 km (28 miles) south of the capital, Bamako",'Bamako',45,180)]),
 ("Militants ambushed a fuel convoy on the Kabul-Jalalabad highway.", [("Kabul",'Kabul'),("Jalalabad",'Jalalabad')]),
 ("Air strikes pounded rebel towns in Idlib and Hama provinces.", [("Idlib",'Idlib province'),("Hama",'Hama province')]),
 ("Kabul Police said a suicide bomber struck a checkpoint, the Washington Post reported.", [("Kabul",'Kabul')]),
 ("Oxford Police said a man was stabbed near the station.", [("Oxford",'Oxford')]),
 ("LONDON The Latest: envoys from the DPRK, Russia and Japan met in Seoul.", [("LONDON",'London'),("DPRK",'North Korea'),("Russia",'Russia'),("Japan",'Japan'),("Seoul",'Seoul')]),
 ("Migrants camped in Matias Romero, Oaxaca State, Mexico, on Wednesday.", [("Matias Romero",'Matias Romero'),("Oaxaca State",'Oaxaca'),("Mexico",'Mexico')]),
 ("Stevens & Wilkinson, the design firm, pulled out of the hotel project in Columbia, South Carolina.", [("Columbia",'Columbia, SC'),("South Carolina",'South Carolina')]),
 ("Since the crown prince arrived in the U.S. two weeks ago, Riyadh has signed three arms deals.", [("U.S.",'United States'),("Riyadh",'Riyadh')]),
 ("Separately, the US also approved artillery for Saudi Arabia, while US troops stayed in Syria.", [("US",'United States'),("Saudi Arabia",'Saudi Arabia'),("US",None),("Syria",'Syria')]),
 ("If the U.S. leaves Syria, Iran will fill the vacuum, officials in Tehran said.", [("U.S.",'United States'),("Syria",'Syria'),("Iran",'Iran'),("Tehran",'Tehran')]),
 ("Officials in Trinidad said the seized tanker had sailed from Venezuela.", [("Trinidad",'Trinidad and Tobago'),("Venezuela",'Venezuela')]),
 ("Government jets carried out airstrikes on Maarat al-Numan and fired on Ariha.", [("Maarat al-Numan",'Maarat al-Numan'),("Ariha",'Ariha')]),
 ("Turkish shells hit Qamishli and Hasakah as Kurdish forces regrouped in Syria.", [("Turkish",None),("Qamishli",'Qamishli'),("Hasakah",'Hasakah'),("Kurdish",None),("Syria",'Syria')]),
 ("A fire broke out at a farm near Richmond, North Yorkshire, on Sunday.", [("near Richmond",'Richmond, North Yorkshire'),("North Yorkshire",'North Yorkshire')]),
 ("Police were called to a house in Thruxton, Hampshire, after the blast.", [("Thruxton",'Thruxton, Hampshire'),("Hampshire",'Hampshire')]),
 ("A tornado tore through Georgia near Valdosta overnight, the sheriff said.", [("Georgia",'Georgia State'),("near Valdosta",'Valdosta')]),
 ("Crews from central Washington were sent to the fire lines, officials said.", [("central Washington",'Washington State')]),
 ("A Morris County man bought the ticket in Riverdale, New Jersey; the last big winner lived in Florida.", [("Morris County",'Morris County, New Jersey'),("Riverdale",'Riverdale, New Jersey'),("New Jersey",'New Jersey'),("Florida",'Florida')]),
 ("Officials in Tehran said the Islamic Republic would answer any strike.", [("Tehran",'Tehran'),("Islamic Republic",'Iran')]),
 ("Voters in Florida waited for hours as the storm closed polling stations.", [("Florida",'Florida')]),
 ("A vigil was held on Sunday in Richmond, Yorkshire.", [("Richmond",'Richmond, North Yorkshire'),("Yorkshire",'Yorkshire')]),
 ("Wildfires forced evacuations in Oregon and Washington, while California braced for more.", [("Oregon",'Oregon'),("Washington",'Washington State'),("California",'California')]),
 ("A shooting in Philadelphia left two dead; a second followed in San Diego.", [("Philadelphia",'Philadelphia'),("San Diego",'San Diego')]),
 ("Part of the convoy reached Kandahar. Store owners in Kabul closed early. Human rights groups protested.", [("Part",None),("Kandahar",'Kandahar'),("Store",None),("Kabul",'Kabul'),("Human",None)]),
]
# Reference coordinates: countries at their GeoNames centroid (the convention of LGL and
# GeoWebNews), and offset anchors at their GeoNames point, so that an offset's gold point
# measures the offset and not a few km of disagreement about where a city's centre is.
GZ = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'gazetteer', '')
for line in open(GZ + 'countries.tsv'):
    f = line.rstrip('\n').split('\t')
    if f[0].startswith('#'): continue
    if f[2] in C: C[f[2]] = (float(f[5]), float(f[6]))
    if f[2] == 'United States': P['United States'] = (float(f[5]), float(f[6]))
GEONAMES = {}
for line in open(GZ + 'places.tsv'):
    f = line.rstrip('\n').split('\t')
    if f[0].startswith('#'): continue
    for name in {f[1], f[2]}:
        if name in P and (name not in GEONAMES or int(f[9]) > GEONAMES[name][2]):
            GEONAMES[name] = (float(f[4]), float(f[5]), int(f[9]))
PARTS = {'northern Syria': (36.4, 38.0), 'eastern Kenya': (-0.5, 39.5), 'northern Burkina Faso': (14.0, -1.2),
 'southern Kyrgyzstan': (40.3, 73.0), 'the north of Mali': (19.0, -1.5), 'southern Lebanon': (33.3, 35.4)}
out = []
n = 0
for text, ments in S:
    pos = 0
    gold = []
    for m in ments:
        t, key = m[0], m[1]
        if key is None:
            continue
        i = text.index(t, pos)
        start = len(text[:i].encode()); end = start + len(t.encode())
        pos = i + len(t)
        lat, lon = PARTS.get(t) or P.get(key) or C[key]
        rec = {"text": t, "start": start, "end": end}
        if len(m) == 4 and m[2] is not None:
            g = GEONAMES.get(key)
            assert g and abs(g[0] - lat) < 0.3 and abs(g[1] - lon) < 0.3, (key, g, lat, lon)
            lat, lon = dest(g[0], g[1], m[3], m[2])
            rec["offset_km"] = m[2]
        rec["lat"], rec["lon"] = lat, lon
        gold.append(rec); n += 1
    out.append({"text": text, "mentions": gold})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'geoparse-gold.jsonl'), 'w') as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(out), "sentences", n, "mentions")
