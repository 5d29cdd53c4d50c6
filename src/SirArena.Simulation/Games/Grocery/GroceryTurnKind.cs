namespace SirArena.Simulation.Games.Grocery;

/// <summary>Which of the grocery task's three turns a turn is.</summary>
public enum GroceryTurnKind
{
    /// <summary>"I want you to buy the GROCERY: [oats]." answered with the item; not scored.</summary>
    Request,

    /// <summary>One of the K multiple-choice questions between request and recall.</summary>
    Unrelated,

    /// <summary>"Which one is the GROCERY that I want you to buy earlier?"</summary>
    Recall,
}
