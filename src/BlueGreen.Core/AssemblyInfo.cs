namespace BlueGreen.Core;
