Console.WriteLine("sirarena: verbs arrive with the arena issue");
