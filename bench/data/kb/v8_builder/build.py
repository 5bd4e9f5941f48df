#!/usr/bin/env python3
"""Build kbq8 customer questions for the Lumen & Loom help centre. Standard library only, deterministic."""
import json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "questions.jsonl")

A = "answerable"; U = "unanswerable_on_topic"; O = "off_topic"

# (article_id, section, question) -- all written by hand
ANSWERABLE = [
 # about-our-ai-assistant
 ("about-our-ai-assistant", "You are talking to an AI", "wait am i chatting with a bot or a real person right now?"),
 ("about-our-ai-assistant", "What the assistant can and cannot do", "can your chatbot actually give me a big refund or does a human have to sign that off"),
 ("about-our-ai-assistant", "Your messages and the AI", "Does the AI get to read my card number if I type it in the chat? kinda nervous about that"),
 ("about-our-ai-assistant", "Contesting an AI decision", "your bot refused my request and I think it got it wrong. how do I challenge what it decided?"),
 # accessibility
 ("accessibility", "Our website", "I'm blind and use a screen reader - is your site going to be usable for me, and what accessibility standard do you follow?"),
 ("accessibility", "Other ways to contact us", "i'm deaf and can't do phone calls, can I reach you via a text relay service? also can invoices come in large print?"),
 ("accessibility", "Help with deliveries", "My dad uses a wheelchair and is buying a bookcase. Can the delivery people carry it to his living room and unbox it, and does that cost extra?"),
 ("accessibility", "Product information", "do the product photos have alt text / descriptions? my screen reader just says 'image'"),
 # bedding-size-guide
 ("bedding-size-guide", "US sizes", "how big is a queen in the US, in inches?"),
 ("bedding-size-guide", "UK sizes", "Moving from Boston to Manchester. Is a UK king the same as an American king? Don't want to buy the wrong duvet cover."),
 ("bedding-size-guide", "EU sizes", "Which duvet cover sizes do you sell in Europe? I have a 160 wide bed in Berlin."),
 ("bedding-size-guide", "Fitted sheet depth", "my mattress plus topper is around 40cm tall, will a normal fitted sheet of yours stretch over it?"),
 # bereavement
 ("bereavement-and-deceased-accounts", "Closing the account", "My mother passed away last month and she keeps getting your newsletters. What do you need from me to shut her account down?"),
 ("bereavement-and-deceased-accounts", "Open orders and refunds", "my husband died with an order still open, and his credit card has been cancelled since. how would a refund even reach us?"),
 ("bereavement-and-deceased-accounts", "Gift card balances and rewards", "Hello. My late grandmother had a gift card balance and quite a lot of loyalty points with you. Can either of those be moved to me?"),
 # billing
 ("billing-questions-and-disputes", "I was charged twice", "charged twice for the same order??"),
 ("billing-questions-and-disputes", "I was charged twice", "I see two payments for order LL-550217 on my banking app, one says pending. Is that a double charge or will one vanish?"),
 ("billing-questions-and-disputes", "I was charged twice", "ok so it's been over a week and i STILL see two finished charges on the one order. what info do you need to refund the extra one"),
 ("billing-questions-and-disputes", "I do not recognise a charge", "There's a charge on my statement from LUMENLOOM.COM that I don't remember making. Should I just call my bank and block it?"),
 ("billing-questions-and-disputes", "Invoices and VAT receipts", "I need an invoice with my company's VAT number on it for expenses - where do I get invoices and can you add the company details?"),
 ("billing-questions-and-disputes", "Chargebacks", "thinking of just doing a chargeback through my bank instead of waiting on you lot. how long does that usually take?"),
 # cancelling
 ("cancelling-or-changing-an-order", "Cancelling an order", "I ordered a lamp 20 mins ago by mistake, can I cancel it myself?"),
 ("cancelling-or-changing-an-order", "Cancelling an order", "cancel order LL-309981 please, i placed it yesterday evening"),
 ("cancelling-or-changing-an-order", "Cancelling an order", "So my parcel already shipped but I don't want it anymore - is it too late to cancel?"),
 ("cancelling-or-changing-an-order", "Cancelling an order", "how long after ordering do i have to cancel online"),
 ("cancelling-or-changing-an-order", "Refund after cancelling", "I cancelled before it was sent out. When does the money come back to my account?"),
 ("cancelling-or-changing-an-order", "Changing the delivery address", "Typed my old flat address at checkout, argh. Order hasn't shipped yet. Can you fix the address?"),
 ("cancelling-or-changing-an-order", "Changing the delivery address", "parcel's already on its way but I won't be home, can it be sent to my work address instead?"),
 ("cancelling-or-changing-an-order", "Changing items, size or colour", "I picked the grey throw but wanted the green one, can you just swap the colour on my order?"),
 # caring for bedding
 ("caring-for-bedding-and-linens", "Washing cotton and linen sheets", "what temperature should I wash the linen sheets at, and is fabric conditioner ok?"),
 ("caring-for-bedding-and-linens", "Drying", "do I need to iron the linen duvet cover? it looks a bit crumpled out of the dryer"),
 ("caring-for-bedding-and-linens", "Shrinkage", "will my new cotton sheets shrink in the wash? they fit perfectly now and i'd like to keep it that way"),
 ("caring-for-bedding-and-linens", "Duvets and pillows", "Can the duvet go in the washing machine? How often should I wash it?"),
 # rugs
 ("caring-for-rugs", "Regular cleaning", "how often should I hoover my wool rug and is the beater brush OK on it"),
 ("caring-for-rugs", "Spills and stains", "HELP my toddler spilled red juice on the wool rug, what do i do right now"),
 ("caring-for-rugs", "Shedding", "My new rug is leaving fluff everywhere, is it faulty? Also there's a loose thread sticking out - can I pull it?"),
 ("caring-for-rugs", "Washable rugs", "the washable runner - what temp and do I take the grippy backing off first?"),
 ("caring-for-rugs", "Rug pads", "do I really need a rug pad under my rug? the floor is tiled"),
 # wooden furniture
 ("caring-for-wooden-furniture", "Everyday care", "what should I clean my wooden dining table with? i usually use an all purpose spray"),
 ("caring-for-wooden-furniture", "Heat, light and humidity", "The drawers on my oak chest are sticking now that it's humid and there's a tiny gap in the top. Is it broken?"),
 ("caring-for-wooden-furniture", "Oiled wood", "How often do I re-oil my walnut coffee table, and what kind of oil do you recommend?"),
 ("caring-for-wooden-furniture", "Scratches and water marks", "there's a light scratch on my oiled oak desk - can I sand it out myself?"),
 # customs
 ("customs-duties-and-taxes", "Orders between the UK and the EU", "I live in Ireland - will I get hit with import VAT since you're a UK brand?"),
 ("customs-duties-and-taxes", "Orders to the United States", "Ordering from Texas. Do I have to pay import duties, and is sales tax added on top?"),
 ("customs-duties-and-taxes", "If a carrier asks you for a customs fee", "DHL just texted me asking for a €23 customs charge before they deliver my order LL-771204. Should I pay it?"),
 # damaged
 ("damaged-faulty-or-wrong-items", "Report the problem", "my vase arrived smashed, how do i report it"),
 ("damaged-faulty-or-wrong-items", "Report the problem", "Got the wrong item in my box - a blue cushion instead of a mustard one. Is there a deadline for telling you?"),
 ("damaged-faulty-or-wrong-items", "Report the problem", "Hi, the mirror on order LL-640023 came cracked. Do you need pics of the box too or just the mirror?"),
 ("damaged-faulty-or-wrong-items", "What we will do", "The mug I got is chipped. It was only like £12, do I have to post it back to you?"),
 ("damaged-faulty-or-wrong-items", "Missing parts", "Bed frame arrived but one of the side rails is missing!! how fast can you get it to me"),
 ("damaged-faulty-or-wrong-items", "Faults after 14 days", "my kettle stopped working after about a month, is it too late to report a fault?"),
 # discounts
 ("discounts-and-price-adjustments", "Using a discount code", "can i stack two promo codes on one order?"),
 ("discounts-and-price-adjustments", "My code does not work", "code not working"),
 ("discounts-and-price-adjustments", "My code does not work", "I got a welcome code from signing up for the newsletter but it says invalid on my second order. Why?"),
 ("discounts-and-price-adjustments", "My code does not work", "my friend in the US gave me her code but it won't work on the UK site, what's up with that"),
 ("discounts-and-price-adjustments", "Price drops after you order", "bought a sofa last week for €1200 and now it's on sale for less. Can I get the difference back?"),
 ("discounts-and-price-adjustments", "Price matching", "Another store has the same throw cheaper. Will you match their price?"),
 # gift cards
 ("gift-cards", "Buying a gift card", "what's the max value of a digital gift card in pounds, and can I schedule it to arrive on my sister's birthday in March?"),
 ("gift-cards", "Using a gift card", "my gift card only covers half the order, can I pay the rest with my card?"),
 ("gift-cards", "Checking your balance", "how do i see how much is left on my gift card"),
 ("gift-cards", "Expiry and lost cards", "do gift cards expire? I found one from a couple years ago in a drawer"),
 # kitchenware
 ("kitchenware-care", "Dishwasher", "are the stoneware bowls dishwasher safe? and what about the olive wood spoons"),
 ("kitchenware-care", "Oven and hob", "Will your enamelled casserole work on an induction hob, and how hot can it go in the oven?"),
 ("kitchenware-care", "Cast iron seasoning", "My cast iron skillet has some orange rust spots. How am I supposed to look after it after cooking?"),
 ("kitchenware-care", "Non-stick pans", "I used a metal spatula and scratched my non-stick frying pan. Is that a warranty thing?"),
 ("kitchenware-care", "Knives", "best way to store the knife set? I've been throwing them in the cutlery drawer"),
 # lamps
 ("lamps-and-lighting", "Which bulb to use", "what bulb does the ceramic table lamp take? I'm in the UK"),
 ("lamps-and-lighting", "Plugs and voltage", "I'm moving from New York to London, can I keep using my Lumen & Loom lamps with a plug adaptor?"),
 ("lamps-and-lighting", "Dimmers and smart bulbs", "Will a Philips Hue smart bulb work in your pendant light? And can I put it on a dimmer?"),
 ("lamps-and-lighting", "Flickering or not working", "my reading lamp keeps flickering even with a new bulb, should I open up the base and check the wiring?"),
 ("lamps-and-lighting", "Cleaning lamp shades", "how do you clean a linen lampshade, can I wipe it with a wet cloth"),
 # large items
 ("large-item-delivery-and-assembly", "Freight delivery", "How much is delivery for a sofa in the UK? And if I add a dining table too, do I pay twice?"),
 ("large-item-delivery-and-assembly", "Booking a delivery slot", "My wardrobe was dispatched yesterday. When will someone contact me to arrange the delivery time?"),
 ("large-item-delivery-and-assembly", "Room of choice and packaging removal", "I live on the 5th floor, no lift. Will the delivery team carry the sofa all the way up?"),
 ("large-item-delivery-and-assembly", "Assembly", "can you assemble the wardrobe for me? how much"),
 ("large-item-delivery-and-assembly", "Measuring before you order", "I'm worried the sofa won't get through my narrow hallway. Where can I see the size of the box it comes in?"),
 # loom rewards
 ("loom-rewards", "Joining", "how do I sign up for the loyalty scheme and does it cost anything? also will my order from last month count"),
 ("loom-rewards", "Earning points", "Do I get points on the delivery charge or when I buy a gift card?"),
 ("loom-rewards", "Spending points", "I have 1,200 Loom points. What's that worth and can I cash them out?"),
 ("loom-rewards", "Tiers", "what do I have to do to become gold and what do I get?"),
 ("loom-rewards", "Points expiry and returns", "do my rewards points ever expire"),
 ("loom-rewards", "Points expiry and returns", "If I send back the rug, do I lose the points I got for buying it?"),
 # managing account
 ("managing-your-account", "Changing your name, email or phone number", "I changed my email address in settings but it's still showing the old one?"),
 ("managing-your-account", "Saved addresses", "how many addresses can I keep in my account? And if I edit one, will it change where my pending order goes?"),
 ("managing-your-account", "Saved cards", "How do I delete an old card I saved? Also can your staff see my full card number?"),
 ("managing-your-account", "Email and marketing preferences", "stop sending me promo emails pls. will I still get shipping notifications though?"),
 ("managing-your-account", "Closing your account", "If I close my account, what happens to my saved stuff and my loyalty points?"),
 # missing / delayed
 ("missing-or-delayed-parcel", "My parcel says delivered but I cannot find it", "Tracking says delivered at 11am but there's nothing at my door. What now?"),
 ("missing-or-delayed-parcel", "My parcel says delivered but I cannot find it", "order LL-208817 marked delivered 3 days ago, never got it, checked with neighbours. can you open a claim?"),
 ("missing-or-delayed-parcel", "My parcel is late", "my parcel is late"),
 ("missing-or-delayed-parcel", "My parcel is late", "Expected delivery was last Monday and it's now Friday, nothing yet. When should I get in touch, and what happens if it's lost?"),
 ("missing-or-delayed-parcel", "My parcel is late", "So I've been waiting for my cushions for ages - the delivery window finished four working days ago. I know carriers are slammed this time of year, and I'm not trying to be difficult, but it was a birthday present and the birthday has now passed. What are my options here?"),
 ("missing-or-delayed-parcel", "Replacement or refund for a lost parcel", "courier confirmed my parcel is lost. will the replacement come quicker this time? and what if it's sold out"),
 # payment methods
 ("payment-methods", "What you can pay with", "do you take amex? what about paypal"),
 ("payment-methods", "Paying in instalments with Klarna", "Is there a way to split the cost of a £300 armchair into smaller payments?"),
 ("payment-methods", "Currency", "I'm in Spain with a UK card - will you charge me a conversion fee for paying in euros?"),
 ("payment-methods", "When you are charged", "when exactly does the money come out of my account, when I order or when it ships?"),
 ("payment-methods", "Payment declined", "payment keeps getting declined at checkout, card is definitely valid. what am i doing wrong"),
 # privacy
 ("privacy-and-your-data", "Getting a copy of your data", "I'd like a copy of all the personal info you have on me. How and how long does it take?"),
 ("privacy-and-your-data", "Deleting your data", "Please erase all my data. Will you really delete everything, including my old orders?"),
 ("privacy-and-your-data", "Correcting your data", "you've got my date of birth wrong in your records, can it be fixed"),
 ("privacy-and-your-data", "Opting out of AI", "I don't want an AI reading my messages at all. Can I switch that off permanently?"),
 ("privacy-and-your-data", "Cookies and tracking", "I accepted all cookies by mistake, how do I change that? Do you use ad cookies without asking?"),
 ("privacy-and-your-data", "Contacting our data protection officer", "who is your DPO and how do i contact them? also can i complain to a regulator"),
 # warranty
 ("product-warranty", "How long the warranty lasts", "how long is the warranty on a sofa frame?"),
 ("product-warranty", "How long the warranty lasts", "Bought a chest of drawers 18 months ago and a drawer runner just snapped. Still under warranty?"),
 ("product-warranty", "What the warranty does not cover", "My linen curtains have faded a lot from the sun - does the warranty cover that?"),
 ("product-warranty", "Making a warranty claim", "I threw away the box ages ago. Can I still claim on the warranty for my side table, and what do you need from me?"),
 ("product-warranty", "Your legal rights", "Does your warranty replace my normal consumer rights under UK law?"),
 # refunds
 ("refunds", "How you are refunded", "Can you refund me to a different card? The one I used has expired"),
 ("refunds", "Refund timing", "refund??"),
 ("refunds", "Refund timing", "I sent my return back last week for order LL-119472, when will I actually see my money?"),
 ("refunds", "Refund timing", "you emailed to say my refund was issued 4 days ago and it's not in my bank yet. is that normal?"),
 ("refunds", "Partial refunds", "why did I only get part of my money back for the cushion I returned?"),
 ("refunds", "Partial refunds", "I'm returning one item out of three - do I get the shipping fee back too?"),
 ("refunds", "Refunds for Klarna and PayPal payments", "I paid with Klarna in 3 payments and returned the item. Do I still have to pay the remaining instalments?"),
 # returns
 ("returns-policy", "How long you have to return an item", "how many days do i have to send something back"),
 ("returns-policy", "How long you have to return an item", "I bought a throw as a Christmas present on 2 December. Can my friend return it in mid January?"),
 ("returns-policy", "How long you have to return an item", "Hi there - I ordered a set of lamps about five weeks ago, they arrived a few days later, and honestly I just don't like them in the room. I've kept all the packaging. Am I still within the return period?"),
 ("returns-policy", "How long you have to return an item", "Can I return something I've already used a couple of times?"),
 ("returns-policy", "Items that cannot be returned", "opened the pillows and they're too firm. can I return them?"),
 ("returns-policy", "Items that cannot be returned", "bought a final sale vase and it isn't faulty, i just changed my mind. return possible?"),
 ("returns-policy", "How to start a return", "how do i start a return and do you send a label?"),
 ("returns-policy", "How to start a return", "Got my return label yesterday. How long do I have to drop the parcel off, and does it have to be a specific shop?"),
 ("returns-policy", "Return shipping costs", "are returns free in the US? I'm in Oregon"),
 ("returns-policy", "Return shipping costs", "do I pay to send things back in the UK"),
 ("returns-policy", "Exchanges", "can I swap my cushion cover for a different colour rather than get a refund?"),
 # shipping
 ("shipping-times-and-costs", "United States", "how much is standard shipping in the US and when is it free?"),
 ("shipping-times-and-costs", "United Kingdom", "if I order by lunchtime can I get it tomorrow in London? what does that cost"),
 ("shipping-times-and-costs", "United Kingdom", "what's the minimum spend for free delivery in the UK?"),
 ("shipping-times-and-costs", "European Union", "How long does standard delivery to Italy take, and is VAT already included?"),
 ("shipping-times-and-costs", "Large items", "My order is £400 with a sofa in it, so why isn't delivery free?"),
 # signing in
 ("signing-in-and-password-reset", "Resetting your password", "forgot my password"),
 ("signing-in-and-password-reset", "Resetting your password", "the password reset link you sent me says it's expired, how long do they last?"),
 ("signing-in-and-password-reset", "Account locked", "It says my account is locked after I tried my password a bunch of times. How long do I have to wait?"),
 ("signing-in-and-password-reset", "Two-step verification", "Can I set up 2FA on my account with an authenticator app?"),
 ("signing-in-and-password-reset", "You no longer have access to your email address", "I lost access to my old work email which is what my account uses. How do I get back in?"),
 ("signing-in-and-password-reset", "Guest checkout", "I checked out as a guest - can I still track it, and can I link the order to an account later?"),
 # talking to a person
 ("talking-to-a-person", "Ask for a human at any time", "human please"),
 ("talking-to-a-person", "Ask for a human at any time", "If I get transferred to a real agent will I have to explain everything again from the start?"),
 ("talking-to-a-person", "Opening hours", "What time does your customer service team open on Saturdays?"),
 ("talking-to-a-person", "Opening hours", "is anyone there on a sunday? I need help with a delivery"),
 ("talking-to-a-person", "Phone numbers", "whats your UK phone number and is it free to call"),
 ("talking-to-a-person", "Email and response times", "Is there an email address I can write to, and how quickly do you normally reply?"),
 ("talking-to-a-person", "Complaints", "I'm really not happy with the way my case was handled by your agent. Can someone more senior look at it?"),
 # tracking
 ("tracking-your-order", "Where to find your tracking number", "where do I find my tracking number? I can only see LL-394015"),
 ("tracking-your-order", "Where to find your tracking number", "deleted the dispatch email, is there another way to see tracking?"),
 ("tracking-your-order", "Order status explained", "my order has been 'Processing' for a day, what does that mean exactly vs 'Dispatched'?"),
 ("tracking-your-order", "Tracking has not updated", "tracking hasn't moved in a week. is my parcel stuck?"),
 ("tracking-your-order", "Tracking has not updated", "Just got the dispatch email an hour ago but the tracking page shows nothing. Did something go wrong?"),
 ("tracking-your-order", "Orders with several parcels", "I only received half of my order and the tracking shows different numbers?? is the rest coming separately"),
 # faq
 ("faq", "Do you have physical stores or showrooms?", "do you have a shop in london where I can see the sofas in person?"),
 ("faq", "Can I order fabric swatches?", "Can I get some fabric samples before choosing a sofa colour? Do they cost anything?"),
 ("faq", "Can I order fabric swatches?", "how many swatches can i order and do i have to send them back"),
 ("faq", "Do you offer gift wrapping?", "is gift wrap an option? and will the receipt show the price"),
 ("faq", "Do you deliver to PO boxes or parcel lockers?", "Can you deliver to an InPost locker? And what about my PO box for a dining table?"),
 ("faq", "Do you have a trade or business programme?", "I'm an interior designer - do you have a trade discount?"),
 ("faq", "Do you offer a student discount?", "any discounts for uni students? can I use it with my newsletter code"),
 ("faq", "Are your products sustainably made?", "Is your wood FSC certified and is the packaging plastic free?"),
 ("faq", "Can I place an order over the phone?", "My mum isn't great with computers. Could she ring up and order over the phone? She doesn't want to read her card number out."),
]

UNANSWERABLE = [
 "do you sell mattresses or just bedding?",
 "What's the thread count on your percale sheets?",
 "Can I pick my order up from the Leicester warehouse myself to save on delivery?",
 "is there a lumen & loom app for iphone?",
 "Do you do wedding registries? We'd love to add your dinnerware to ours.",
 "can you make curtains to my exact window measurements?",
 "Which of your sofa fabrics are best if you have a cat that scratches?",
 "When is the next big sale? Is there a Black Friday event this year?",
 "Will the Ashby oak bench be back in stock soon? It's been sold out for weeks.",
 "Can I reserve a rug and pay for it next month?",
 "do you have a referral scheme where I get money off for inviting friends?",
 "are your lamps UL listed? need it for my landlord",
 "Is your stoneware lead free and safe for a baby to eat from?",
 "Can I buy a spare leg for a sofa I bought from you in 2019?",
 "do you offer military or NHS discounts",
 "I'd like to sell my handmade ceramics through your shop, who do I talk to?",
 "Are you hiring for the warehouse in Columbus?",
 "can I change the name on my gift card recipient after it's been scheduled?",
 "what size rug pad should I get for a 160x230 rug, and do you cut them to size?",
 "what's the weight limit on the bunk bed?",
 "Does the velvet armchair come in a left-handed version?",
 "Can you recycle my old sofa when you deliver the new one?",
 "Do you price the same item differently in the UK and the US? the dollar price looks way lower",
 "is the linen you use grown in europe or imported from china?",
 "Can I get a printed catalogue sent to my house?",
 "Do you sell replacement lids for the enamelled casserole dishes?",
 "Is it possible to add a second person as an authorised user on my account so my wife can see our orders?",
 "my order LL-902311 is a made-to-order sofa - roughly how many weeks does it take to actually build one?",
 "Is there a maximum order value you'll accept on a single order?",
 "Do you give a discount if I buy the whole bedroom set together?",
 "What's the carbon footprint of delivering a sofa?",
 "Are your duvets suitable for people with feather allergies? what's the filling",
 "do you offer a free design consultation for a whole room",
 "Can I get a 3D model of the sofa to drop into my floor planning software?",
 "How do I leave a review for something I bought, and do reviews get moderated?",
 "Is there a minimum age to create an account?",
 "what's the difference between your Everyday and Heritage linen ranges?",
 "can a sofa be delivered on a Sunday?",
 "Could you engrave a chopping board as a gift, and how long does personalisation add to delivery?",
 "Do you sell outdoor furniture that can stay out in the rain?",
 "how long do your rugs last on average with a dog in the house?",
 "Is your customer care team based in the UK or outsourced?",
 "Do the ceramic mugs come in sets of 2 or 4?",
 "If I move from the UK to Germany, can I transfer my Loom Rewards account to the EU site?",
 "can I get my order delivered to a hotel while I'm on holiday?",
 "Does Lumen & Loom have a corporate gifting service for sending gifts to 200 employees?",
 "are your candles soy wax or paraffin?",
 "I sent you a return two weeks ago and it hasn't been picked up from the drop-off shop according to the tracking, who is responsible if it gets lost?",
 "Can I book a specific morning delivery time for a small parcel, not freight?",
 "Do you have a blackout lining option for the linen curtains?",
]

OFF_TOPIC = [
 "what's the capital of australia",
 "Can you help me write a cover letter for a marketing job?",
 "how do i reset my netflix password",
 "What's a good recipe for sourdough bread?",
 "is it going to rain in Manchester tomorrow?",
 "How do I get a refund from Ryanair for a cancelled flight?",
 "who won the world cup in 2018",
 "Explain quantum entanglement like I'm five.",
 "my iphone won't charge, any ideas?",
 "What's the best way to learn Spanish fast?",
 "how many calories are in a banana",
 "Can you recommend a good sci-fi novel?",
 "what is the exchange rate from pounds to euros today",
 "How do I file my self assessment tax return with HMRC?",
 "IKEA says my Billy bookcase delivery is late, what should I do?",
 "how to fix a leaking kitchen tap",
 "What time is it in Tokyo right now?",
 "Write me a python function that reverses a string",
 "whats the difference between a roth ira and a traditional ira",
 "Is Amazon Prime worth it?",
 "my dog ate chocolate, is that dangerous??",
 "Translate 'good morning' into German please",
 "how do I unblock my bank card with Barclays",
 "Tell me a joke about penguins.",
 "What's the plot of Pride and Prejudice?",
 "How long should I boil an egg for a runny yolk?",
 "can you book me a table at an italian restaurant nearby",
 "How tall is the Eiffel Tower?",
 "what are the symptoms of the flu vs covid",
 "My Royal Mail parcel from eBay hasn't arrived, can you track it?",
 "How do I change the oil in a 2015 Honda Civic?",
 "best hiking trails in the lake district?",
 "How does photosynthesis work?",
 "is bitcoin going to go up next year",
 "what's the square root of 1764",
 "Can you help me plan a 3 day trip to Lisbon?",
 "How do I cancel my Spotify subscription?",
 "who wrote the song bohemian rhapsody",
 "What's the speed limit on German autobahns?",
 "how do I make my houseplants stop dying",
 "I need help with my landlord who won't return my deposit",
 "What are the rules of cricket, briefly?",
 "Can you summarise the news today?",
 "how do you convert fahrenheit to celsius",
 "Which is better for gaming, PS5 or Xbox?",
 "my toddler won't sleep through the night, tips?",
 "What's the Wi-Fi password at the airport?",
 "how do I renew my UK passport online",
 "Zara sent me the wrong jacket size, how do I exchange it?",
 "What year did the Berlin Wall fall?",
]

def main():
    rng = random.Random(20261209)
    rows = []
    for kind, items in ((A, ANSWERABLE), (U, [("", "", q) for q in UNANSWERABLE]), (O, [("", "", q) for q in OFF_TOPIC])):
        items = list(items)
        rng.shuffle(items)
        n_dev = round(len(items) * 0.4)
        for i, (aid, sec, q) in enumerate(items):
            rows.append({"question": q, "article_id": aid, "section": sec, "kind": kind,
                         "split": "dev" if i < n_dev else "test"})
    rng.shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(rows), "rows to", OUT)

if __name__ == "__main__":
    main()
