document.getElementById("app")!.textContent = "Claimlens";
