Console.WriteLine("bluegreen");
