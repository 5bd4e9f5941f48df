# family "dialect": (standard, dialect) full pairs with identical content.
DIALECT = [
("Hi, I've been waiting two weeks for my order LL-503318 and it still hasn't arrived. Can someone tell me what's going on?",
 "Hi, I been waitin two weeks on my order LL-503318 and it still ain't came. Can somebody tell me what's goin on?"),  # AAE
("I'm not happy. The rug I got is a totally different colour from the picture. I want to send it back.",
 "I'm no happy. The rug I got is a totally different colour fae the picture. I want tae send it back."),  # Scottish
("hi, the lamp I bought isn't working at all, I tried a new bulb and everything. order LL-227504",
 "hi, the lamp I bought isn't working at all at all, I tried a new bulb and everything so I did. order LL-227504"),  # Irish
("Hello, please tell me the status of my order LL-618870. I placed it five days ago and there has been no update.",
 "Hello, kindly do the needful and tell me the status of my order LL-618870. I placed it five days back only and there is no update till now."),  # Indian English
("Good morning, I want to find out whether my refund has been processed. I returned the item last week. Order LL-340029.",
 "Good morning, please I want to find out if my refund has been processed. I returned the item since last week. Order LL-340029."),  # Nigerian English
("Can I still change the delivery address? I only ordered this morning.",
 "Can still change the delivery address or not? I only order this morning one leh."),  # Singlish
("Hey, you sent me the wrong size sheets. I ordered a queen and got a full. What do I need to do?",
 "Hey, y'all done sent me the wrong size sheets. I ordered me a queen and got a full. What do I gotta do, hon?"),  # Southern US
("Hiya, the delivery man left my parcel at the wrong house. Can you sort it out? LL-119847",
 "Howay, the delivery lad left me parcel at the wrong hoose. Can ye sort it oot? LL-119847"),  # Geordie
("Hello, my chair came broken. One of the legs is cracked. I need a new one.",
 "Wah gwaan, mi chair come bruk. One a di foot dem crack. Mi need a new one."),  # Jamaican-influenced
("G'day, just wondering how long delivery takes to the UK, I'm in London now. Order's a big rug.",
 "G'day, just wonderin' how long delivery takes to the UK, I'm in London now. Order's a ripper of a big rug, mate."),  # Australian
("I was charged twice for the same order and I'm annoyed. Please fix it.",
 "I got charged two times for the same order and I'm vexed. Fix it please."),  # AAE/Jamaican flavour
("Hello, I would like to know if the table comes already assembled or if I have to put it together myself.",
 "Hello, I'd like tae know if the table comes ready built or if I've tae put it thegither masel."),  # Scottish
("Hi, the sofa is far too big for the room. I'm very disappointed. Can I return it?",
 "Hi, the sofa's far too big for the room, I'm after being very disappointed with it. Can I return it?"),  # Irish
("My account is locked and I am not able to log in. Please help me.",
 "My account is getting locked and I am not able to login itself. Please help me out."),  # Indian English
("I have been calling your number since morning and nobody is picking up. I need to cancel my order LL-882301.",
 "I have been calling your number since morning and nobody is picking. Abeg I need to cancel my order LL-882301 o."),  # Nigerian
("The parcel tracking hasn't moved for a week. Is it lost?",
 "The parcel tracking never move for one week already. Lost already is it?"),  # Singlish
("Hi there, I'm just checking whether the lamp works with a dimmer switch.",
 "Hey there, I'm just fixin' to check if that lamp'll work with a dimmer switch."),  # Southern US
("The duvet is lovely but it's too warm. Can I return it even though I've used it one night?",
 "The duvet's canny but it's ower warm like. Can I send it back even though I've had it on one neet?"),  # Geordie
("I did not receive my refund yet. It has been ten days.",
 "Mi nuh get mi refund yet. It been ten days now."),  # Jamaican
("Hi, the fitted sheet doesn't fit my mattress, it keeps popping off the corners. Very annoying.",
 "Hi, the fitted sheet doesn't fit me mattress, keeps poppin' off the corners. Bloody annoying, mate."),  # Australian
("yo, I ordered a bed frame two weeks ago and nobody has called to book the delivery. what's up with that?",
 "yo, I ordered a bed frame two weeks ago and ain't nobody called to book the delivery. what's up wit that?"),  # AAE
("Hello, I want to know how to clean the wool rug, my dog was sick on it.",
 "Hullo, I'm wantin tae ken how tae clean the wool rug, the dug's been sick on it."),  # Scottish
("Could you tell me how long the refund will take to reach my account?",
 "Could ye tell me how long the refund does be taking to come through to me account?"),  # Irish
("Please send me the invoice for order LL-356672 with my company's VAT number on it.",
 "Please revert with the invoice for order LL-356672 with my company VAT number mentioned on it."),  # Indian English
("I ordered a king-size duvet but you sent a double. I am not happy about this.",
 "I ordered king-size duvet but you people sent double. I am not happy with this at all."),  # Nigerian
("Is there any discount code I can use now? The price is quite high.",
 "Got any discount code can use now anot? The price quite ex leh."),  # Singlish
("The delivery people scratched my floor when they brought the table in. I'm really upset.",
 "Them delivery fellas scratched up my floor bringin' that table in. I'm mighty upset about it."),  # Southern US
("I can't log in to my account, it keeps saying my password is wrong.",
 "Aa cannit log in te me account, it keeps sayin me password's wrang."),  # Geordie
("Hi, the lamp shade came squashed. Can you send another one?",
 "Hi, di lamp shade come mash up. Unnu can send anodda one?"),  # Jamaican
("Just wondering if you could let me know where my order is, it was meant to arrive yesterday.",
 "Just wonderin' if you could let us know where me order's at, was s'posed to rock up yesterday."),  # Australian
("Hey, I want to return these cushions, they don't match anything in my place.",
 "Ayy, I'm tryna return these cushions, they don't match nothin in my crib."),  # AAE
("Can you tell me if the Haven bed will fit up a narrow staircase?",
 "Can ye tell us if the Haven bed'll fit up a wee narrow stair?"),  # Scottish
("I'd like to speak to a manager about my complaint. Nobody has got back to me.",
 "I'd like to speak to a manager about me complaint. Sure nobody's got back to me at all."),  # Irish
("I paid through PayPal but the money was deducted twice. Please check and refund.",
 "I paid through PayPal but amount got deducted two times. Please check and do the refund."),  # Indian English
("Please, can you deliver the wardrobe on Saturday instead? I won't be at home on Friday.",
 "Please, can you people bring the wardrobe on Saturday instead? I will not be around on Friday."),  # Nigerian
("I want to close my account. How do I do it?",
 "I want to close my account. How to do ah?"),  # Singlish
("Hello, I'd just like to say thank you, the throw is beautiful and it arrived quickly.",
 "Well hey there, I just wanna say thank ya kindly, that throw is just beautiful and it got here real quick."),  # Southern US
("Is the oak side table solid wood or veneer?",
 "Is the oak side table solid wood or is it veneer like?"),  # Geordie
("My order came but a piece is missing. I need the piece.",
 "Mi order come but one piece missing. Mi need di piece."),  # Jamaican
("Hey, quick one, do you do free shipping on orders over sixty quid?",
 "Hey, quick one, do youse do free shippin' on orders over sixty quid?"),  # Australian/Irish
]
