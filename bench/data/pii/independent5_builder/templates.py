# Hand-written message shapes for pii5.  (lang, kind, template); kind 'p' = has PII, 'n' = no PII.
# A leading "@XX\n" line forces the country used for addresses/phones/IDs.
T = []
def p(s, lang='en'):
    T.append((lang, 'p', s.strip('\n')))
def n(s, lang='en'):
    T.append((lang, 'n', s.strip('\n')))

# ============================ ENGLISH, with PII =============================
p("""[[hi]]
I moved house last month and my parcel still went to the old address. Please update my delivery address to:

[[addr|ml]]

Order [[order]]. My number is [[phone]] if the courier needs it.
[[bye]]
[[full]]""")
p("""hi my card was charged twice for [[order]] ([[price]]), card number is [[card]] exp [[exp]]. can you refund one of them pls. [[first|lower]]""")
p("""Subject: Change of name on account

Dear team, I got married in [[date]] and my surname changed from [[last]] to [[last2]]. Full name now [[first]] [[last2]], DOB [[dob]]. Email on file: [[email]].

Regards,
[[first]]""")
p("""[[hi]] I can't log in, it keeps saying my password is wrong. username is [[user]] and I'm typing [[pw]] which I'm 100% sure is right?? please help""")
p("""Customer: hello is anyone there
Agent ([[agent]]): Hi, you're chatting with [[agent]]. How can I help?
Customer: my internet has been down since [[date]]
Agent ([[agent]]): Sorry to hear that. Can I take the postcode of the property?
Customer: [[pc]]
Agent ([[agent]]): And the first line of the address?
Customer: [[addr|1l|nocc]]
Agent ([[agent]]): Thanks. I'm running a line test now.""")
p("""Please send the replacement to my work address instead:
[[full]]
c/o Harrow & Finch Ltd
[[addr|ml]]
Tel [[phonex]]""")
p("""---------- Forwarded message ---------
From: [[full]] <[[email]]>
Date: [[date]]
Subject: Fwd: refund not received
To: [[EMAIL=support@brightpower.co.uk]]

Forwarding the bank's reply below. Refund of [[amount]] was meant to go to IBAN [[iban]] but nothing arrived.""")
p("""{"name": "[[full]]", "email": "[[email]]", "phone": "[[phone]]", "dob": "[[dob]]", "issue": "cannot verify identity"}
^ this is what your app sent me back as an error, is my data safe??""")
p("""I am writing to dispute a transaction on my account. Sort code [[sort]], account [[acct]]. The payment of [[amount]] on [[date]] to ELECTRO-MART was not me.
[[mr]]""")
p("""Ref: passport upload failed
my passport no. is [[passport]] and the expiry date on it is [[date]], but your form keeps rejecting it. Name as in passport: [[full|upper]]""")
p("""[[hi]]
My elderly parent [[full2]] (born [[dob2]]) is a customer of yours. I'm [[full]], I have lasting power of attorney. Can you send letters to me at [[email]] instead?""")
p("""new phone number: [[phone]]
old one: [[phone2]]
please update both the account and the 2FA. thanks [[init]]""")
p("""Hello, the code you sent me was [[otp]] but it expired before I could type it. Can you resend to [[phone]]? I'm abroad right now.""")
p("""I've been a customer since 2009 and this is the worst service. I called your helpline five times and your agent [[agentfull]] hung up on me. My name is [[full]] and I want this escalated.""")
p("""Please cancel my direct debit. Bank details:
Account holder: [[full]]
Sort code: [[sort]]
Account no: [[acct]]
Address: [[addr|1l]]""")
p("""Dear Sir or Madam,

I hereby request a copy of all personal data you hold about me under Article 15 GDPR.

Name: [[full]]
Date of birth: [[dob]]
Address: [[addr|1l]]
Email: [[email]]

Yours faithfully,
[[full]]""")
p("""can u check why my driving licence [[dl]] was rejected for the car hire? booking [[pnr]] pick up [[date]]""")
p("""Hi [[agent]], thanks for the call earlier. As discussed my SSN is [[nid_US]] and my date of birth is [[dob]]. Please call back on [[phonex_US]].
[[first]]""")
p("""@US
Shipping address:
[[full]]
[[addr|ml]]
Phone: [[phone]]
Please leave at the back door, dog is friendly""")
p("""@CA
Hi, I need to update the mailing address for my Hydro bill to [[addr|1l|nocc]]. SIN if you need it for the credit check: [[nid]]. Thanks, [[first]] [[last]]""")
p("""@AU
G'day, parcel for [[full]] at [[addr]] shows delivered but it never arrived. Tracking [[track]]. Mobile [[phone]].""")
p("""@IE
Hi there, Eircode is [[pc]], address [[addr|1l]]. My PPS number is [[nid]] for the grant application. [[first]]""")
p("""@UK
NI number [[nid]], date of birth [[dob]]. Employer said I need to give these to you for the pension. Name [[fullr]].""")
p("""My login IP was flagged as suspicious. It was me, I was at my mum's. IP was [[ip]] I think. Account [[user]]""")
p("""Log excerpt I was asked to send:
2026-11-02 08:14:22 LOGIN_FAIL user=[[user]] src=[[ip]]
2026-11-02 08:14:40 LOGIN_FAIL user=[[user]] src=[[ip]]
2026-11-02 08:15:03 LOGIN_OK user=[[user]] src=[[ipsix]]
only the last one was me""")
p("""Please find attached photo of the damaged item: [[url]]
Also my instagram where I posted it, [[purl]] - not happy.
[[full]]""")
p("""Hi,
I'm a freelance photographer and my portfolio at [[purl]] is linked to my business account. Please change the account email from [[email]] to [[email2]].
[[full]]""")
p("""the security answer is [[secans]] and my PIN is [[pin]], now can you PLEASE unlock my card""")
p("""[[hi]]
I'm writing about my relative, [[mr2]], who passed away on [[date]]. I'm the executor. Account details: [[full2]], [[addr2|1l]]. My contact is [[phone]] / [[email]].
[[bye]]
[[full]]""")
p("""From: [[email]]
Sent: [[date]] [[time]]
To: [[EMAIL=billing@northwind-telecom.com]]
Subject: RE: Your bill is ready

> Dear [[first]], your bill of [[amount]] is ready.

this is wrong, I cancelled the landline in september. [[first|lower]]""")
p("""Booking [[pnr]] - passenger names wrong. Should be:
1. [[fullr|upper]] (adult)
2. [[fullr2|upper]] (adult)
3. [[full3|upper]] (child, DOB [[dob3]])
Passport numbers [[passport]], [[passport2]], [[passport3]]""")
p("""I want to add my kid [[first2]] as an authorised user. Full name is [[full2]], born [[dob2]], email [[email2]]. My card ends... actually full number is [[card]]""")
p("""pls call me back on [[phone]] or my partner [[first2]] on [[phone2]] after [[time]]""")
p("""Name: [[full]]
Card: [[card]]
Exp: [[exp]]
CVC: [[cvv]]
Billing postcode: [[pc]]
^ I was told to email this to you for the phone payment, is that ok?""")
p("""Dear [[agentfull]],
Thank you for your letter of [[date]]. I enclose the requested proof of identity: driving licence no. [[dl]] and passport [[passport]].
Sincerely, [[full]]
[[addr|ml]]""")
p("""Hi i ordered the [[sku]] on [[date]] and paid [[price]] but got the wrong colour. Return label should go to [[emailob]] (my normal email is full). [[first]]""")
p("""contact me at [[emailob]] not the hotmail one""")
p("""Hi - my broadband username is [[user]] and the router admin password you gave me is [[pw]], but it's not working. The router shows IP [[ip]] on the sticker page. Also is [[pw2]] the wifi key? confused""")
p("""Hello, my name is [[full]] and I'm the new tenant at [[addr|1l]]. I'd like to open an electricity account from [[date]]. Meter reading [[sku]]. Date of birth [[dob]]. Mobile [[phone]].""")
p("""[[first]] [[last]]
Senior Account Manager | Acme Logistics
M: [[phone]] | E: [[email]]
[[addr|1l]]
[[purl]]""")
p("""Sent from my iPhone

> On [[date]], at [[time]], [[full]] <[[email]]> wrote:
> Hi, any update on the refund for [[order]]?""")
p("""To: complaints@
Re: ticket [[ticket]]
I was told a manager would call me. nobody did. my number is still [[phone]]. i'm available weekdays. ([[first]] [[last]], account holder)""")
p("""Hello, I'm trying to set up open banking but it asks for my routing number and account number. Routing [[routing]], account [[acct_US]] - is that right? The app then asked for my online banking password which I gave as [[pw]] - was that a scam??""")
p("""Hi I got a text saying "Your parcel is held, pay customs at [[url]]". I clicked it and entered my card [[card]] and the CVV [[cvv]]. What do I do now??? [[full]]""")
p("""please delete my account, username [[handle]], email [[email]]. I don't want any more emails.""")
p("""Hi,
my details for the travel insurance:
- [[full]], [[dob]]
- [[full2]], [[dob2]]
Address [[addr|1l|nocc]], phone [[phone]]""")
p("""Dear Customer Services, my account was hacked. The hacker changed the email to [[email2]] and the phone to [[phone2]]. My real email is [[email]]. The last login was from [[ipsix]] which is not me.
[[full]]""")
p("""yo, can you change the delivery name on [[order]] to [[full2|lower]]? it's a gift. same address. cheers [[first|lower]]""")
p("""The courier left a card saying "Sorry we missed you, [[mr]]" but I was home all day!! flat [[addr|1l]]""")
p("""I need the invoice addressed to my company, not me personally:
Attn: [[full]]
[[addr|ml|cc]]""")
p("""Sorry for the late reply. My bank is [[iban]]. Please pay the compensation there. Name on the account is [[init]].""")
p("""Hello, my passport [[passport]] expires [[date]] and I'm flying [[flight]] on [[date]]. Will that be a problem? Also my partner's passport is [[passport2]].""")
p("""Hi! I'm [[first]] (they/them). I'd like to update my title to Mx and my name to [[full]] on my loyalty card. - thanks!""")
p("""My partner [[full2]] has the account in their name but is in hospital. Can I pay the bill with my card? It's [[card]], expiry [[exp]], security code [[cvv]]. Their postcode is [[pc2]].""")
p("""Your app doesn't accept the apostrophe in my surname! It is [[last]], not what you've put. Full name: [[full]]. email [[email]]""")
p("""Order #[[order]] - I paid with PayPal ([[email]]) but the order says unpaid. Screenshot: [[url]]""")
p("""URGENT the one time passcode [[otp]] didn't work, then i got another one [[otp]] which also didn't work. locked out. acct email [[email]]""")
p("""[[hi]]
I'd like to request a new SIM. My current number is [[phone]]. The PUK on my old SIM card is [[pin]] if that helps. Deliver to [[addr|1l]].
[[bye]] [[full]]""")
p("""Name [[full]] / DOB [[dob]] / NI [[nid_UK]] / tel [[phone_UK]]""")
p("""hey so i signed up with my gamer tag [[user]] and now i can't change it, can u rename it to [[user2]]?""")
p("""Agent: Can you confirm the last 3 digits of your security number on the back of the card?
Customer: [[cvv]]
Agent: And the expiry?
Customer: [[exp]]
Agent: Thank you [[first]], the payment is now processed.""")
p("""Hello I'm from [[addr_DE|1l]] and ordered from your UK site. Customs charged me [[price]]. My German phone [[phone_DE]]. Can you refund the duty? [[full]]""")
p("""Dear Sir, I'm writing on behalf of my client [[full2]] (DOB [[dob2]], passport [[passport2]]) regarding the cancelled flight [[flight]]. Please direct all correspondence to me, [[full]], at [[email]] or [[phonex]].""")
p("""Please find my details for the credit check:
Full name: [[full]]
Previous surname: [[last2]]
DOB: [[dob]]
Current address (3 years): [[addr|1l]]
Previous address: [[addr2|1l]]
Employer: Tesco Stores""")
p("""i think someone is using my identity. they opened a mobile contract with my name [[full]] and my date of birth [[dob]] but the address is [[addr2|1l]] which i've never lived at""")
p("""Hiya, my kid [[first2]] used my card ([[card]]) to buy gems in your game. The account is [[user2]]. I want a refund of [[amount]]. [[full]]""")
p("""The wifi password on the router is [[pw]] and the admin login is admin / [[pw2]]. Technician asked me to send these before the visit on [[date]]. Address: [[addr|1l]].""")
p("""[[full|lower]]
[[addr|ml|lower]]
[[phone]]

^ delivery details, the checkout page wouldn't take them""")
p("""Hi I'm [[first]]. Order [[order]] - I want to change the delivery to my neighbour [[mr2]] at number 14? Actually never mind, just leave it in the porch.""")
p("""Can I pay by bank transfer instead? Please confirm your IBAN. Mine, for the refund if any, is [[iban]], account name [[full]].""")
p("""Hello, I'm requesting a chargeback. Card [[card]]. Merchant: SKYWAY AIR. Flight [[flight]] on [[date]] was cancelled and I was not refunded. Booking ref [[pnr]]. Contact [[email]].""")
p("""My date of birth is wrong on my account - it shows [[date]] but it should be [[dob]]. Please fix, it's causing issues with the age check. [[full]]""")
p("""[[hi]] my youngest, [[first2]], is 16 (born [[dob2]]) and wants their own phone contract with me as guarantor. I'm [[full]], existing customer, [[phone]].""")
p("""Please unsubscribe [[email]] and [[email2]] (my partner's) from your marketing. Thanks [[first]]""")
p("""Form submission
------------------
first_name: [[first]]
last_name: [[last]]
email: [[email]]
phone: [[phone]]
postcode: [[pc]]
message: I want a quote for solar panels on a 3-bed semi
ip: [[ip]]""")
p("""I contacted you on chat yesterday with [[agent]] and was promised a callback within 24 hours. Still nothing. My ticket is [[ticket]]. I'm on [[phonex]] between 9 and 5. [[full]]""")
p("""Hello, I changed banks. New details: [[iban]]. Old IBAN [[iban2]] is closed. Please update the direct debit for the gas. Customer: [[full]], [[addr|1l]]""")
p("""i'm locked out of online banking. the memorable word is [[secans]] and i think my passcode is [[pin]] but it keeps failing. username [[user]]""")
p("""Hi, I ordered a birthday cake for [[first2]] - birthday is [[dob2]], yes the actual birth date! Please write "Happy birthday [[first2]]" on it. Collect [[date]]. [[full]] [[phone]]""")
p("""Re: Case [[ticket]]
I've attached a scan of my driver's license ([[dl_US]]) and my Social Security card. SSN: [[nid_US]]. Please process the account reinstatement asap. – [[init]]""")
p("""Please call my landline [[phone]] not the mobile. If no answer try [[phonex]] (office). Ask for [[first]].""")
p("""Travelling with infant. Lead passenger [[full]], passport [[passport]], nationality British. Infant [[full2]], DOB [[dob2]], passport [[passport2]]. PNR [[pnr]].""")
p("""Evening, parcel went to wrong house. It's [[addr|1l|lower]] not [[addr2|1l|lower]]. Tracking says "handed to resident". [[first]]""")
p("""I received an email from "you" at [[email2]] asking for my password. I replied with [[pw]] before I realised. Please reset my account [[user]]!!!""")
p("""hello please refund to card [[card]] (I no longer have the original one). Name [[full]]. Thanks""")
p("""Hi [[agent]],

As requested, here are my bank details for the salary sacrifice scheme:

Sort code [[sort]]
Account [[acct]]
NI [[nid_UK]]

Best,
[[full]]
[[phone]]""")
p("""my email's [[email]] but sometimes i use [[emailob]] for shopping. pls merge the two accounts. [[first]]""")
p("""We are a family of four moving to [[addr|1l]] on [[date]]. Please set up broadband in the name of [[full]] (DOB [[dob]]). Second contact [[full2]] [[phone2]].""")
p("""Chat transcript
14:02 Visitor: hi
14:02 Bot: Hi! What's your email address?
14:03 Visitor: [[email]]
14:03 Bot: Thanks! And your order number?
14:04 Visitor: [[order]]
14:04 Bot: I found your order, [[first]]. It's out for delivery.
14:06 Visitor: it says delivered to [[addr|1l]] but I'm at that address and nothing here""")
p("""Reference: [[pnr]]
Mr [[fullr|upper]]
Seat 14C. I need wheelchair assistance at both airports. Emergency contact: [[full2]], [[phone2]].""")
p("""Hey! I'm a content creator ([[handle]] on TikTok, [[purl]]) and I'd love to collab on your new range. Reach me at [[email]].""")
p("""To confirm my identity: mother's maiden name [[secans]], first school [[secans2]], DOB [[dob]]""")
p("""Ordered for my friend [[full2]], [[addr2|1l]], please gift wrap. My card details were entered already. Their number if courier needs: [[phone2]].""")
p("""SUBJECT: wrong name on bill
It says [[full2]] but the account holder is me, [[full]]. [[full2]] is my ex and no longer lives here. Please remove.""")
p("""Hi. You asked for a copy of my bank statement. Account [[acct]], sort [[sort]], in the name of [[mr]]. Link to the pdf: [[url]]""")
p("""Payment didn't go through again. Tried [[card]] and then [[card2]]. Both from the same bank. Postcode [[pc]]. What's going on?""")
p("""Hello, re: the eSIM. QR code didn't scan. Activation code given was [[otp]], EID 8904{...}. Number to port: [[phone]], PAC code [[pw]].""")
p("""Please note my new address:
[[addr|ml|cc]]
Effective [[date]]. Old address [[addr2|1l]].
[[inits]]""")
p("""Dear [[agentfull]], you were very helpful today, thank you. Please pass on my thanks to your manager. - [[full]], account email [[email]]""")
p("""Client: [[full]]
DOB: [[dob]]
Passport: [[passport]]
Driving licence: [[dl]]
Proof of address: utility bill dated [[date]]
(KYC pack attached as requested)""")
p("""I was overcharged on my last phone bill. The number in question is [[phone]]. I have been charged [[amount]] for roaming but I haven't left the country. My IP logs from the router show [[ip]] which is my home broadband. [[first]]""")
p("""hi its [[first|lower]] again lol. forgot to say my new number is [[phone]]. same email [[email|lower]]""")
p("""The engineer, [[agent]], said to email you my meter serial and my details. Serial [[sku]]. Name [[full]], [[addr|1l]], [[phone]].""")
p("""@US
I'm writing about my late spouse's account. Their SSN was [[nid2]]. I am [[full]], surviving spouse, SSN [[nid]]. Address [[addr|1l]]. Phone [[phone]].""")
p("""@CA
Bonjour/Hello, I live at [[addr|1l]] and my Hydro-Québec account got merged with my neighbour [[full2]]'s. Please separate. Contact me at [[phone]]. [[full]]""")
p("""@AU
Hi, my TFN is [[nid]] and my driver licence is [[dl]]. Need these on file for the super rollover. [[full]], [[dob]]""")
p("""@IE
Dear Sir/Madam, I'm moving from [[addr|1l]] to [[addr2|1l]]. Please transfer the gas account. Name [[full]], tel [[phone]]. IBAN for the refund [[iban]].""")
p("""I can't remember my security questions. I set them up years ago - maybe the answer was [[secans]]? My username is [[user]], email [[email]], DOB [[dob]].""")
p("""Hi, quick one: can you tell me who [[full2]] is? They've been receiving emails at my address [[email]] about orders I never made.""")
p("""My account password was reset without my consent. I received "your new temporary password is [[pw]]". Please investigate. Username: [[user]]. IP I normally log in from: [[ip]]""")
p("""@UK
Dear Customer Service,
Please send the new debit card to:
[[mr]]
[[addr|ml|nocc]]
And NOT to my old flat. Mobile [[phone]].""")
p("""Hi can someone explain these charges. Statement for [[iban]], dated [[date]]. [[amount]] to "DGT SVCS" twice. thanks [[first]] [[last]]""")
p("""Hello
I'm the landlord of [[addr|1l]]. My tenant [[full2]] moved out on [[date]]. Please close the account in their name and open one in mine ([[full]], [[email]], [[phone]]).""")
p("""My teenager [[first2]] ([[user2]]) bought a subscription on my card [[card]] without asking. Please cancel and refund. I'm [[full]].""")
p("""Thanks for confirming. The CVV is [[cvv]] and expiry [[exp]]. Card [[card]]. Please take [[amount]].""")
p("""{
  "ticket": "[[ticket]]",
  "customer": {"name": "[[full]]", "email": "[[email]]", "phone": "[[phone]]"},
  "address": "[[addr|1l]]",
  "notes": "customer says parcel damaged"
}""")
p("""Hi [[agent]] - the link you sent ([[url]]) doesn't work. Can you send it to my other email [[email]]?""")
p("""dear sir i am [[full]] from [[addr|1l]] i want to know why my pension payment did not come into my account [[acct]] sort code [[sort]]. my national insurance number is [[nid_UK]]. thank you""")
p("""Hey, quick q - can I use my partner's card for my order? It's in the name [[full2]]. Card [[card]], [[exp]].""")
p("""Cancelling my gym membership. Member: [[full]], member since 2019. Bank: sort [[sort]] acct [[acct]]. Please confirm in writing to [[email]].""")
p("""-----Original Message-----
From: [[full2]] [mailto:[[email2]]]
Sent: [[date]]
To: [[full]]
Subject: flat 4 boiler

Hi [[first]], the engineer is coming [[date]].

-----
Forwarding to you, can you confirm the visit? my number [[phone]]""")
p("""Can't verify on your app. It scans my licence ([[dl]]) but says "name mismatch". Licence says [[full|upper]], app says [[first]] [[last|lower]].""")
p("""I'd like to complain about [[agentfull]] who was rude on the phone. I'm [[mr]] and my number is [[phonex]].""")
p("""hi, i use the nickname [[user]] on your forum and someone has posted my home address ([[addr|1l]]) and phone [[phone]] in a thread. please remove it NOW""")
p("""Hello, my email address has a typo on the account. It's [[email]] not [[email|upper]]... actually capital letters don't matter I guess. Also update phone to [[phone]]""")
p("""@US
Hi - W-9 info for the refund over $600: Name [[full]], SSN [[nid]], address [[addr|1l]]. Routing [[routing]], account [[acct]].""")

# ============================ ENGLISH, no PII ===============================
n("""Hi, I ordered [[sku]] on [[date]] ([[order]]) and it still says processing. Any idea when it will ship? Paid [[price]].""")
n("""Do you deliver to the Channel Islands? And is there a charge for the [[sku]]? thanks""")
n("""hello, tracking [[track]] hasn't updated since [[date]]. is my parcel lost""")
n("""Flight [[flight]] on [[date]] was delayed 4 hours. Booking [[pnr]]. Am I entitled to compensation under UK261?""")
n("""My bill for [[date]] is [[amount]] which is double the usual. Nothing has changed in our usage. Can someone check the meter reading please""")
n("""Is the [[sku]] compatible with the [[sku]]? Also what's the warranty, 1 or 2 years?""")
n("""I returned order [[order]] on [[date]] but haven't had the refund of [[price]] yet. It's been 3 weeks.""")
n("""Why does your app keep logging me out?? iOS 18, latest version. Really annoying""")
n("""Can I change my seat on [[pnr]] from 23A to an aisle seat? Happy to pay.""")
n("""hi the discount code WINTER15 isn't working at checkout on [[sku]]""")
n("""Broadband has been dropping every evening since [[date]] around [[time]]. Router lights all green. Ticket [[ticket]].""")
n("""What are your opening hours over Christmas? I need to collect order [[order]] before the 24th.""")
n("""Hello, can you confirm the interest rate on the fixed saver is still 4.1% AER? I want to open one before [[date]].""")
n("""Item arrived broken ([[sku]]). Box was crushed. Do I need to send it back or can you just send a new one? Order [[order]]""")
n("""I was charged [[amount]] as a late fee but I paid on [[date]], which was before the due date. Please remove the fee. Case [[ticket]].""")
n("""Is there a student discount on the unlimited data plan? And can I keep my number if I switch from another network?""")
n("""Your website says in stock but checkout says unavailable for [[sku]]. Which is it?""")
n("""Please cancel order [[order]], I ordered the wrong size. It hasn't shipped yet.""")
n("""Baggage didn't arrive on [[flight]] on [[date]]. File reference LHR[[ticket]]. Any update?""")
n("""How do I submit a meter reading online? The page gives an error 500 every time since [[date]].""")
n("""my order [[order]] was delivered on [[date]] but the invoice shows [[price]] and I was charged [[price]]. which one is right""")
n("""Do you price match? Saw the [[sku]] for [[price]] elsewhere.""")
n("""Hi there, the standing charge went up on [[date]]. Can you explain why, and whether there is a cheaper tariff for me?""")

# ============================ OTHER LANGUAGES, with PII =====================
# German
p("""Guten Tag,

bitte ändern Sie meine Lieferadresse für Bestellung [[order]] auf:

[[full]]
[[addr|ml]]

Telefon: [[phone]]
Mit freundlichen Grüßen
[[first]] [[last]]""", 'de')
p("""Hallo, meine IBAN hat sich geändert. Neue IBAN: [[iban]], Kontoinhaber [[full]]. Bitte ab [[date]] den Abschlag davon einziehen. Geburtsdatum [[dob]], falls nötig.""", 'de')
p("""Sehr geehrte Damen und Herren, ich habe mein Passwort vergessen. Benutzername: [[user]]. Als Sicherheitsantwort hatte ich [[secans]] angegeben. Erreichbar unter [[phonex]] oder [[emailob]].""", 'de')
p("""hi, meine steuer-id ist [[nid]] und personalausweis/reisepass nr [[passport]]. brauch ich das für die kontoeröffnung? gruß [[first|lower]]""", 'de')
# French
p("""Bonjour,
Je souhaite résilier mon abonnement internet. Mon adresse : [[addr|1l]]. Mon numéro : [[phone]].
Cordialement,
[[full]]""", 'fr')
p("""bonjour j'ai payé deux fois la commande [[order]] avec la carte [[card]] (exp [[exp]]). merci de me rembourser sur mon IBAN [[iban]]. [[first]]""", 'fr')
p("""Madame, Monsieur,
Suite à votre courrier du [[date]], voici mes informations : [[fullr|upper]], né(e) le [[dob]], n° de sécurité sociale [[nid_FR]], courriel [[email]].
Bien à vous""", 'fr')
p("""Salut, le code reçu par SMS ([[otp]]) ne marche pas. Mon identifiant est [[user]]. Vous pouvez me rappeler au [[phone]] ? Merci, [[first]]""", 'fr')
# Spanish
p("""Hola, quiero cambiar la dirección de envío del pedido [[order]] a [[addr|1l]]. Mi DNI es [[nid]] y mi teléfono [[phone]]. Gracias, [[full]]""", 'es')
p("""Buenas tardes:
Les escribo porque me han cobrado [[amount]] de más. Mi IBAN es [[iban]] y el titular es [[full]]. Fecha de nacimiento [[dob]].
Un saludo""", 'es')
p("""hola soy [[first|lower]], mi contraseña [[pw]] no funciona y el correo de recuperación ([[email]]) ya no lo uso, el nuevo es [[emailob]]""", 'es')
# Italian
p("""Buongiorno, vi scrivo per il rimborso dell'ordine [[order]]. Codice fiscale [[nid]], IBAN [[iban]]. Indirizzo: [[addr|1l]]. Cordiali saluti, [[full]]""", 'it')
p("""Salve, ho perso la carta [[card]], scadenza [[exp]]. Bloccatela subito! Mi chiamo [[full]], cell. [[phone]].""", 'it')
p("""Gentile assistenza,
il mio passaporto n. [[passport]] e la patente [[dl]] sono stati caricati ma il profilo di [[first]] [[last]] risulta ancora non verificato. Nata il [[dob]].
Grazie""", 'it')
# Dutch
p("""Goedemiddag, graag wil ik mijn adres wijzigen naar [[addr|1l]]. Mijn BSN is [[nid_NL]] en mijn telefoonnummer [[phone]]. Met vriendelijke groet, [[full]]""", 'nl')
p("""Hoi, ik heb twee keer betaald voor bestelling [[order]]. Kunnen jullie het terugstorten op [[iban]] t.n.v. [[init]]? Groetjes [[first]]""", 'nl')
p("""Beste klantenservice,
Mijn zoon [[full2]] (geboren [[dob2]]) wil een eigen abonnement. Ik ben [[full]], bereikbaar op [[phone]] of [[email]].
Bedankt!""", 'nl')
# Portuguese
p("""Bom dia, o meu NIF é [[nid]] e a morada para a fatura é [[addr|1l]]. Telemóvel [[phone]]. Obrigado, [[full]]""", 'pt')
p("""Olá, recebi o código [[otp]] mas a aplicação diz que expirou. Utilizador [[user]], email [[email]]. Podem ajudar? [[first]]""", 'pt')
p("""Exmos. Senhores,
Solicito o reembolso de [[amount]] para o IBAN [[iban]], titular [[full]], data de nascimento [[dob]].
Com os melhores cumprimentos""", 'pt')
# Polish
p("""Dzień dobry, proszę o zmianę adresu dostawy zamówienia [[order]] na: [[addr|1l]]. Mój numer telefonu to [[phone]]. Pozdrawiam, [[full]]""", 'pl')
p("""Witam, PESEL [[nid]], data urodzenia [[dob]]. Chcę zamknąć konto [[iban]]. [[full]]""", 'pl')
p("""hej, zapomniałem hasła do konta [[user]]. mail to [[email]], tel. [[phone]]. pozdro [[first|lower]]""", 'pl')
# Swedish
p("""Hej! Jag har flyttat till [[addr|1l]]. Mitt personnummer är [[nid]]. Ring gärna [[phone]] om ni undrar något. Mvh [[full]]""", 'sv')
p("""Hej, jag blev dubbeldebiterad på kortet [[card]] för order [[order]]. Återbetala till [[iban]] tack. /[[first]]""", 'sv')
p("""Hejsan, engångskoden [[otp]] funkar inte och mitt användarnamn [[user]] är låst. Mejla mig på [[email]]. [[first]] [[last]]""", 'sv')
# Danish
p("""Hej, jeg vil gerne opsige mit abonnement. Mit CPR-nr. er [[nid]], adresse [[addr|1l]]. Tlf. [[phone]]. Venlig hilsen [[full]]""", 'da')
p("""Hej, jeg har betalt to gange. Pengene bedes overført til [[iban]]. Mvh [[first]] ([[email]])""", 'da')
p("""Hejsa, min adgangskode [[pw]] virker ikke længere. Brugernavn: [[user]]. Født [[dob]]. [[first]]""", 'da')
# Norwegian
p("""Hei, jeg har flyttet til [[addr|1l]]. Fødselsnummer [[nid]]. Mobil [[phone]]. Hilsen [[full]]""", 'no')
p("""Hei! Kortet mitt [[card]] ble belastet to ganger for ordre [[order]]. Kontonummer for refusjon: [[iban]]. Mvh [[first]]""", 'no')
p("""Hei, engangskoden [[otp]] kom aldri frem. Brukernavn [[user]], e-post [[emailob]]. Takk, [[first]] [[last]]""", 'no')
# Finnish
p("""Hei, muutin osoitteeseen [[addr|1l]]. Henkilötunnukseni on [[nid]] ja puhelinnumero [[phone]]. Terveisin [[full]]""", 'fi')
p("""Moi, maksoin tilauksen [[order]] kahdesti. Palauttakaa rahat tilille [[iban]]. [[first]]""", 'fi')
p("""Hei, en pääse kirjautumaan. Käyttäjätunnus [[user]], salasana [[pw]]. Sähköposti [[email]]. Kiitos, [[first]]""", 'fi')
# Estonian
p("""Tere, minu uus aadress on [[addr|1l]]. Isikukood [[nid]], telefon [[phone]]. Lugupidamisega [[full]]""", 'et')
p("""Tere, maksin tellimuse [[order]] eest kaks korda. Palun kandke raha tagasi kontole [[iban]]. [[first]] [[last]]""", 'et')
p("""Tere! Ühekordne kood [[otp]] ei tööta. Kasutajanimi [[user]], e-post [[email]]. Aitäh, [[first]]""", 'et')

# ============================ OTHER LANGUAGES, no PII =======================
n("""Guten Tag, meine Bestellung [[order]] vom [[date]] ist immer noch nicht angekommen. Sendungsnummer [[track]]. Können Sie nachsehen?""", 'de')
n("""Bonjour, le vol [[flight]] du [[date]] a été annulé. Réservation [[pnr]]. Comment obtenir un remboursement ?""", 'fr')
n("""Hola, ¿el modelo [[sku]] tiene garantía de dos años? Lo compré el [[date]] por [[price]].""", 'es')
n("""Buongiorno, la fattura di [[date]] riporta [[amount]] ma il contatore non è cambiato. Potete verificare?""", 'it')
n("""Hallo, bestelling [[order]] is beschadigd aangekomen. Kan ik het retour sturen?""", 'nl')
n("""Dzień dobry, czy produkt [[sku]] jest jeszcze dostępny? Zamówienie [[order]] zostało anulowane.""", 'pl')
n("""Hej, när kommer min beställning [[order]]? Den skulle levereras [[date]].""", 'sv')
n("""Olá, a encomenda [[order]] chegou incompleta, falta o [[sku]].""", 'pt')

# ---- extra shapes (round 2)
p("""Hi, your site blocked me as a bot. My IP is [[ip]] (or [[ipsix]] on the phone). I'm just trying to buy [[sku]]. acct [[user]]""")
p("""Car hire desk wants my licence number before pickup. UK licence [[dl_UK]], issued to [[full]]. Pickup [[date]], booking [[pnr]].""")
p("""@US
Rental return - my license [[dl]] (state: OR), DOB [[dob]]. Card on file [[card]]. They charged a fuel fee of [[price]] which is wrong.""")
p("""Please review my refund request here: [[url]] . Also my personal site with the unboxing video: [[purl]]""")
p("""Hi, I'm [[first]] [[last|upper]] - the app shows my name as '[[first|lower]]' only. Can you fix? Email [[email]]""")
p("""Dear team,

Please find below the details of the new account signatory:

  Name ......... [[full]]
  Born ......... [[dob]]
  Passport ..... [[passport]]
  Phone ........ [[phone]]

Regards,
[[full2]]
Office Manager""")
p("""I get "invalid card" with [[card]] exp [[exp]] cvv [[cvv]] but it works everywhere else?? Tried 3 times on [[date]].""")
p("""OK so I reset the password to [[pw]] like the agent said and now it says "too weak". What am I supposed to use?? username [[user]]""")
p("""Re: your text message
You texted [[phone]] about a missed delivery but that's not even my number, mine is [[phone2]]. I'm [[first]]. Tracking [[track]].""")
p("""hello my name is [[first|lower]] [[last|lower]] i live at [[addr|1l|lower]] and my electric has been cut off since [[date]] i have paid the bill""")
p("""Passenger: [[fullr|upper]]
Online login: [[user]]
DOB: [[dob]]
Passport: [[passport]] exp [[date]]
Requested: vegetarian meal on [[flight]]""")
p("""Can you merge my accounts? Old: [[email]] / [[user]]. New: [[email2]] / [[user2]]. Both are me, [[full]].""")
p("""my bank (sort code [[sort]]) says the payment to you for [[amount]] was sent on [[date]] from account [[acct]]. ref [[order]]. where is it?""")
p("""For the mortgage application, tax ID / SSN: [[nid_US]], driver's license [[dl_US]]. Co-applicant [[full2]], SSN [[nid2_US]].""", 'en')
p("""Guten Tag, mein Führerschein Nr. [[dl]] wurde bei der Anmietung nicht akzeptiert. Reservierung [[pnr]] am [[date]]. Geburtsdatum: [[dob]]. [[full]]""", 'de')
p("""Bonjour, je n'arrive plus à me connecter depuis l'adresse IP [[ip]]. Identifiant : [[user]], mot de passe provisoire reçu : [[pw]]. Merci de vérifier. [[init]]""", 'fr')
p("""Hola, os paso mis datos para el reembolso:
Nombre: [[full]]
NIE/DNI: [[nid]]
IBAN: [[iban]]
Tel.: [[phone]]
Gracias!""", 'es')
p("""Ciao, il mio username è [[user]] e la password [[pw]] non funziona più. Email di recupero [[emailob]]. Grazie, [[first]]""", 'it')
p("""Hallo, mijn adres is [[addr|ml]]
Graag de nieuwe router daarheen sturen. Bel [[phonex]] bij vragen. [[full]]""", 'nl')
p("""Dzień dobry, przesyłam dane do faktury: [[full]], [[addr|1l]], tel. [[phone]], e-mail [[email]]. Zamówienie [[order]] z dnia [[date]].""", 'pl')
n("""Hi, my order [[order]] arrived on [[date]] but one of the three items ([[sku]]) is missing. The packing slip lists it.""")
n("""Is flight [[flight]] on [[date]] still operating? I saw news about strikes. Booking ref [[pnr]].""")
n("""Hallo, ik wil mijn abonnement per [[date]] opzeggen. Klantnummer staat op de factuur van [[price]].""", 'nl')
n("""Bonjour, la facture du [[date]] indique [[amount]] alors que mon forfait est à 19,99 €. Pouvez-vous corriger ?""", 'fr')

TEMPLATES = T
